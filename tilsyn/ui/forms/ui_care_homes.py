# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'care_homes.ui'
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
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_CareHomesView(object):
    def setupUi(self, CareHomesView):
        if not CareHomesView.objectName():
            CareHomesView.setObjectName(u"CareHomesView")
        CareHomesView.resize(900, 600)
        self.view_layout = QVBoxLayout(CareHomesView)
        self.view_layout.setObjectName(u"view_layout")
        self.toolbar_layout = QHBoxLayout()
        self.toolbar_layout.setObjectName(u"toolbar_layout")
        self.summary_label = QLabel(CareHomesView)
        self.summary_label.setObjectName(u"summary_label")

        self.toolbar_layout.addWidget(self.summary_label)

        self.toolbar_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbar_layout.addItem(self.toolbar_spacer)

        self.new_button = QPushButton(CareHomesView)
        self.new_button.setObjectName(u"new_button")

        self.toolbar_layout.addWidget(self.new_button)

        self.edit_button = QPushButton(CareHomesView)
        self.edit_button.setObjectName(u"edit_button")

        self.toolbar_layout.addWidget(self.edit_button)

        self.delete_button = QPushButton(CareHomesView)
        self.delete_button.setObjectName(u"delete_button")

        self.toolbar_layout.addWidget(self.delete_button)


        self.view_layout.addLayout(self.toolbar_layout)

        self.homes_table_view = QTableView(CareHomesView)
        self.homes_table_view.setObjectName(u"homes_table_view")
        self.homes_table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.homes_table_view.setAlternatingRowColors(True)
        self.homes_table_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.homes_table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.homes_table_view.setSortingEnabled(True)
        self.homes_table_view.setWordWrap(False)
        self.homes_table_view.horizontalHeader().setStretchLastSection(True)
        self.homes_table_view.verticalHeader().setVisible(False)

        self.view_layout.addWidget(self.homes_table_view)

        QWidget.setTabOrder(self.homes_table_view, self.new_button)
        QWidget.setTabOrder(self.new_button, self.edit_button)
        QWidget.setTabOrder(self.edit_button, self.delete_button)

        self.retranslateUi(CareHomesView)

        QMetaObject.connectSlotsByName(CareHomesView)
    # setupUi

    def retranslateUi(self, CareHomesView):
        self.summary_label.setText("")
        self.new_button.setText(QCoreApplication.translate("CareHomesView", u"&Nyt plejecenter \u2026", None))
        self.edit_button.setText(QCoreApplication.translate("CareHomesView", u"&Rediger \u2026", None))
        self.delete_button.setText(QCoreApplication.translate("CareHomesView", u"&Slet", None))
        pass
    # retranslateUi

