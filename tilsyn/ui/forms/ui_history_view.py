# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'history_view.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSplitter, QTableView, QVBoxLayout, QWidget)

class Ui_HistoryView(object):
    def setupUi(self, HistoryView):
        if not HistoryView.objectName():
            HistoryView.setObjectName(u"HistoryView")
        HistoryView.resize(1000, 640)
        self.view_layout = QVBoxLayout(HistoryView)
        self.view_layout.setObjectName(u"view_layout")
        self.intro_label = QLabel(HistoryView)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.view_layout.addWidget(self.intro_label)

        self.find_layout = QHBoxLayout()
        self.find_layout.setObjectName(u"find_layout")
        self.find_label = QLabel(HistoryView)
        self.find_label.setObjectName(u"find_label")

        self.find_layout.addWidget(self.find_label)

        self.find_edit = QLineEdit(HistoryView)
        self.find_edit.setObjectName(u"find_edit")
        self.find_edit.setClearButtonEnabled(True)

        self.find_layout.addWidget(self.find_edit)

        self.refresh_button = QPushButton(HistoryView)
        self.refresh_button.setObjectName(u"refresh_button")

        self.find_layout.addWidget(self.refresh_button)


        self.view_layout.addLayout(self.find_layout)

        self.splitter = QSplitter(HistoryView)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.latest_box = QWidget(self.splitter)
        self.latest_box.setObjectName(u"latest_box")
        self.latest_layout = QVBoxLayout(self.latest_box)
        self.latest_layout.setObjectName(u"latest_layout")
        self.latest_layout.setContentsMargins(0, 0, 0, 0)
        self.latest_label = QLabel(self.latest_box)
        self.latest_label.setObjectName(u"latest_label")
        self.latest_label.setStyleSheet(u"font-weight: 600;")

        self.latest_layout.addWidget(self.latest_label)

        self.latest_table = QTableView(self.latest_box)
        self.latest_table.setObjectName(u"latest_table")
        self.latest_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.latest_table.setAlternatingRowColors(True)
        self.latest_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.latest_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.latest_table.setWordWrap(False)
        self.latest_table.horizontalHeader().setStretchLastSection(True)
        self.latest_table.verticalHeader().setVisible(False)

        self.latest_layout.addWidget(self.latest_table)

        self.splitter.addWidget(self.latest_box)
        self.record_box = QWidget(self.splitter)
        self.record_box.setObjectName(u"record_box")
        self.record_layout = QVBoxLayout(self.record_box)
        self.record_layout.setObjectName(u"record_layout")
        self.record_layout.setContentsMargins(0, 0, 0, 0)
        self.record_label = QLabel(self.record_box)
        self.record_label.setObjectName(u"record_label")
        self.record_label.setStyleSheet(u"font-weight: 600;")

        self.record_layout.addWidget(self.record_label)

        self.history_table = QTableView(self.record_box)
        self.history_table.setObjectName(u"history_table")
        self.history_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_table.setAlternatingRowColors(True)
        self.history_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_table.setWordWrap(False)
        self.history_table.horizontalHeader().setStretchLastSection(True)
        self.history_table.verticalHeader().setVisible(False)

        self.record_layout.addWidget(self.history_table)

        self.splitter.addWidget(self.record_box)

        self.view_layout.addWidget(self.splitter)

        self.verify_layout = QHBoxLayout()
        self.verify_layout.setObjectName(u"verify_layout")
        self.verify_button = QPushButton(HistoryView)
        self.verify_button.setObjectName(u"verify_button")

        self.verify_layout.addWidget(self.verify_button)

        self.verify_label = QLabel(HistoryView)
        self.verify_label.setObjectName(u"verify_label")
        self.verify_label.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.verify_label.sizePolicy().hasHeightForWidth())
        self.verify_label.setSizePolicy(sizePolicy)

        self.verify_layout.addWidget(self.verify_label)


        self.view_layout.addLayout(self.verify_layout)

#if QT_CONFIG(shortcut)
        self.find_label.setBuddy(self.find_edit)
        self.latest_label.setBuddy(self.latest_table)
        self.record_label.setBuddy(self.history_table)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.find_edit, self.refresh_button)
        QWidget.setTabOrder(self.refresh_button, self.latest_table)
        QWidget.setTabOrder(self.latest_table, self.history_table)
        QWidget.setTabOrder(self.history_table, self.verify_button)

        self.retranslateUi(HistoryView)

        QMetaObject.connectSlotsByName(HistoryView)
    # setupUi

    def retranslateUi(self, HistoryView):
        self.intro_label.setText(QCoreApplication.translate("HistoryView", u"Alt, der oprettes, \u00e6ndres, slettes, underskrives og udl\u00e6ses, st\u00e5r i revisionsloggen med bruger, tidspunkt og begrundelse. V\u00e6lg en beboer, eller en h\u00e6ndelse i loggen, for at se hele postens historik.", None))
        self.find_label.setText(QCoreApplication.translate("HistoryView", u"&Beboer:", None))
        self.find_edit.setPlaceholderText(QCoreApplication.translate("HistoryView", u"Skriv navn, bolig eller CPR-nummer", None))
        self.refresh_button.setText(QCoreApplication.translate("HistoryView", u"&Opdater loggen", None))
        self.latest_label.setText(QCoreApplication.translate("HistoryView", u"&Seneste h\u00e6ndelser i loggen", None))
        self.record_label.setText(QCoreApplication.translate("HistoryView", u"&Historik: v\u00e6lg en beboer eller en h\u00e6ndelse", None))
        self.verify_button.setText(QCoreApplication.translate("HistoryView", u"&Kontroll\u00e9r revisionsloggen", None))
        pass
    # retranslateUi

