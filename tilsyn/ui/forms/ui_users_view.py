# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'users_view.ui'
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

class Ui_UsersView(object):
    def setupUi(self, UsersView):
        if not UsersView.objectName():
            UsersView.setObjectName(u"UsersView")
        UsersView.resize(900, 600)
        self.view_layout = QVBoxLayout(UsersView)
        self.view_layout.setObjectName(u"view_layout")
        self.toolbar_layout = QHBoxLayout()
        self.toolbar_layout.setObjectName(u"toolbar_layout")
        self.summary_label = QLabel(UsersView)
        self.summary_label.setObjectName(u"summary_label")

        self.toolbar_layout.addWidget(self.summary_label)

        self.toolbar_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbar_layout.addItem(self.toolbar_spacer)

        self.new_button = QPushButton(UsersView)
        self.new_button.setObjectName(u"new_button")

        self.toolbar_layout.addWidget(self.new_button)

        self.edit_button = QPushButton(UsersView)
        self.edit_button.setObjectName(u"edit_button")

        self.toolbar_layout.addWidget(self.edit_button)

        self.reset_password_button = QPushButton(UsersView)
        self.reset_password_button.setObjectName(u"reset_password_button")

        self.toolbar_layout.addWidget(self.reset_password_button)

        self.active_button = QPushButton(UsersView)
        self.active_button.setObjectName(u"active_button")

        self.toolbar_layout.addWidget(self.active_button)


        self.view_layout.addLayout(self.toolbar_layout)

        self.users_table_view = QTableView(UsersView)
        self.users_table_view.setObjectName(u"users_table_view")
        self.users_table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.users_table_view.setAlternatingRowColors(True)
        self.users_table_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.users_table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.users_table_view.setSortingEnabled(True)
        self.users_table_view.setWordWrap(False)
        self.users_table_view.horizontalHeader().setStretchLastSection(True)
        self.users_table_view.verticalHeader().setVisible(False)

        self.view_layout.addWidget(self.users_table_view)

        QWidget.setTabOrder(self.users_table_view, self.new_button)
        QWidget.setTabOrder(self.new_button, self.edit_button)
        QWidget.setTabOrder(self.edit_button, self.reset_password_button)
        QWidget.setTabOrder(self.reset_password_button, self.active_button)

        self.retranslateUi(UsersView)

        QMetaObject.connectSlotsByName(UsersView)
    # setupUi

    def retranslateUi(self, UsersView):
        self.summary_label.setText("")
        self.new_button.setText(QCoreApplication.translate("UsersView", u"&Ny bruger \u2026", None))
        self.edit_button.setText(QCoreApplication.translate("UsersView", u"&Rediger \u2026", None))
        self.reset_password_button.setText(QCoreApplication.translate("UsersView", u"Ny &adgangskode \u2026", None))
        self.active_button.setText(QCoreApplication.translate("UsersView", u"&Deaktiver", None))
        pass
    # retranslateUi

