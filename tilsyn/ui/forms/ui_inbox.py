# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'inbox.ui'
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
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

from tilsyn.ui.widgets.error_label import ErrorLabel

class Ui_InboxView(object):
    def setupUi(self, InboxView):
        if not InboxView.objectName():
            InboxView.setObjectName(u"InboxView")
        InboxView.resize(1000, 640)
        self.main_layout = QVBoxLayout(InboxView)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(InboxView)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.filter_layout = QHBoxLayout()
        self.filter_layout.setSpacing(8)
        self.filter_layout.setObjectName(u"filter_layout")
        self.care_home_label = QLabel(InboxView)
        self.care_home_label.setObjectName(u"care_home_label")

        self.filter_layout.addWidget(self.care_home_label)

        self.care_home_combo = QComboBox(InboxView)
        self.care_home_combo.setObjectName(u"care_home_combo")
        self.care_home_combo.setMinimumSize(QSize(260, 0))

        self.filter_layout.addWidget(self.care_home_combo)

        self.include_processed_check = QCheckBox(InboxView)
        self.include_processed_check.setObjectName(u"include_processed_check")

        self.filter_layout.addWidget(self.include_processed_check)

        self.filter_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filter_layout.addItem(self.filter_spacer)

        self.count_label = QLabel(InboxView)
        self.count_label.setObjectName(u"count_label")

        self.filter_layout.addWidget(self.count_label)


        self.main_layout.addLayout(self.filter_layout)

        self.forms_table = QTableView(InboxView)
        self.forms_table.setObjectName(u"forms_table")
        self.forms_table.setAlternatingRowColors(False)
        self.forms_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.forms_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.forms_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.forms_table.setSortingEnabled(True)
        self.forms_table.setShowGrid(False)
        self.forms_table.setWordWrap(False)
        self.forms_table.setTabKeyNavigation(False)

        self.main_layout.addWidget(self.forms_table)

        self.error_label = ErrorLabel(InboxView)
        self.error_label.setObjectName(u"error_label")

        self.main_layout.addWidget(self.error_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.open_button = QPushButton(InboxView)
        self.open_button.setObjectName(u"open_button")
        self.open_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.open_button)

        self.refresh_button = QPushButton(InboxView)
        self.refresh_button.setObjectName(u"refresh_button")
        self.refresh_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.refresh_button)

        self.buttons_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)


        self.main_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.care_home_label.setBuddy(self.care_home_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.care_home_combo, self.include_processed_check)
        QWidget.setTabOrder(self.include_processed_check, self.forms_table)
        QWidget.setTabOrder(self.forms_table, self.open_button)
        QWidget.setTabOrder(self.open_button, self.refresh_button)

        self.retranslateUi(InboxView)

        QMetaObject.connectSlotsByName(InboxView)
    # setupUi

    def retranslateUi(self, InboxView):
        self.intro_label.setText("")
        self.care_home_label.setText(QCoreApplication.translate("InboxView", u"&Plejecenter:", None))
        self.include_processed_check.setText(QCoreApplication.translate("InboxView", u"Vis ogs\u00e5 &behandlede", None))
        self.count_label.setText("")
        self.open_button.setText(QCoreApplication.translate("InboxView", u"\u00c5&bn skema", None))
        self.refresh_button.setText(QCoreApplication.translate("InboxView", u"&Opdat\u00e9r", None))
        pass
    # retranslateUi

