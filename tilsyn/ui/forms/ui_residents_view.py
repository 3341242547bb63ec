# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'residents_view.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_ResidentsView(object):
    def setupUi(self, ResidentsView):
        if not ResidentsView.objectName():
            ResidentsView.setObjectName(u"ResidentsView")
        ResidentsView.resize(1000, 600)
        self.main_layout = QVBoxLayout(ResidentsView)
        self.main_layout.setObjectName(u"main_layout")
        self.toolbar_layout = QHBoxLayout()
        self.toolbar_layout.setObjectName(u"toolbar_layout")
        self.search_label = QLabel(ResidentsView)
        self.search_label.setObjectName(u"search_label")

        self.toolbar_layout.addWidget(self.search_label)

        self.resident_search_edit = QLineEdit(ResidentsView)
        self.resident_search_edit.setObjectName(u"resident_search_edit")
        self.resident_search_edit.setClearButtonEnabled(True)
        self.resident_search_edit.setMinimumSize(QSize(260, 0))

        self.toolbar_layout.addWidget(self.resident_search_edit)

        self.search_spacer = QSpacerItem(12, 20, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.toolbar_layout.addItem(self.search_spacer)

        self.care_home_label = QLabel(ResidentsView)
        self.care_home_label.setObjectName(u"care_home_label")

        self.toolbar_layout.addWidget(self.care_home_label)

        self.care_home_combo = QComboBox(ResidentsView)
        self.care_home_combo.setObjectName(u"care_home_combo")
        self.care_home_combo.setMinimumSize(QSize(200, 0))
        self.care_home_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.toolbar_layout.addWidget(self.care_home_combo)

        self.filter_spacer = QSpacerItem(12, 20, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.toolbar_layout.addItem(self.filter_spacer)

        self.show_moved_out_check = QCheckBox(ResidentsView)
        self.show_moved_out_check.setObjectName(u"show_moved_out_check")

        self.toolbar_layout.addWidget(self.show_moved_out_check)

        self.toolbar_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbar_layout.addItem(self.toolbar_spacer)

        self.new_button = QPushButton(ResidentsView)
        self.new_button.setObjectName(u"new_button")

        self.toolbar_layout.addWidget(self.new_button)

        self.edit_button = QPushButton(ResidentsView)
        self.edit_button.setObjectName(u"edit_button")
        self.edit_button.setEnabled(False)

        self.toolbar_layout.addWidget(self.edit_button)


        self.main_layout.addLayout(self.toolbar_layout)

        self.resident_table = QTableView(ResidentsView)
        self.resident_table.setObjectName(u"resident_table")
        self.resident_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.resident_table.setAlternatingRowColors(True)
        self.resident_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.resident_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.resident_table.setSortingEnabled(True)
        self.resident_table.setWordWrap(False)

        self.main_layout.addWidget(self.resident_table)

        self.footer_layout = QHBoxLayout()
        self.footer_layout.setObjectName(u"footer_layout")
        self.count_label = QLabel(ResidentsView)
        self.count_label.setObjectName(u"count_label")

        self.footer_layout.addWidget(self.count_label)

        self.footer_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.footer_layout.addItem(self.footer_spacer)

        self.hint_label = QLabel(ResidentsView)
        self.hint_label.setObjectName(u"hint_label")

        self.footer_layout.addWidget(self.hint_label)


        self.main_layout.addLayout(self.footer_layout)

#if QT_CONFIG(shortcut)
        self.search_label.setBuddy(self.resident_search_edit)
        self.care_home_label.setBuddy(self.care_home_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.resident_search_edit, self.care_home_combo)
        QWidget.setTabOrder(self.care_home_combo, self.show_moved_out_check)
        QWidget.setTabOrder(self.show_moved_out_check, self.new_button)
        QWidget.setTabOrder(self.new_button, self.edit_button)
        QWidget.setTabOrder(self.edit_button, self.resident_table)

        self.retranslateUi(ResidentsView)

        QMetaObject.connectSlotsByName(ResidentsView)
    # setupUi

    def retranslateUi(self, ResidentsView):
        ResidentsView.setWindowTitle(QCoreApplication.translate("ResidentsView", u"Beboere", None))
        self.search_label.setText(QCoreApplication.translate("ResidentsView", u"&S\u00f8g:", None))
        self.resident_search_edit.setPlaceholderText(QCoreApplication.translate("ResidentsView", u"Navn, bolig eller CPR-nummer", None))
        self.care_home_label.setText(QCoreApplication.translate("ResidentsView", u"P&lejecenter:", None))
        self.show_moved_out_check.setText(QCoreApplication.translate("ResidentsView", u"Vis fr&aflyttede", None))
        self.new_button.setText(QCoreApplication.translate("ResidentsView", u"&Ny beboer", None))
        self.edit_button.setText(QCoreApplication.translate("ResidentsView", u"R&ediger", None))
        self.count_label.setText(QCoreApplication.translate("ResidentsView", u"0 beboere", None))
        self.hint_label.setText(QCoreApplication.translate("ResidentsView", u"Dobbeltklik eller tryk Enter for at \u00e5bne en beboer.", None))
        self.hint_label.setStyleSheet(QCoreApplication.translate("ResidentsView", u"color: palette(placeholder-text);", None))
    # retranslateUi

