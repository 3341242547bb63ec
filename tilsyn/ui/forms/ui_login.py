# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'login.ui'
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
from PySide6.QtWidgets import (QApplication, QGridLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from tilsyn.ui.widgets.error_label import ErrorLabel

class Ui_LoginView(object):
    def setupUi(self, LoginView):
        if not LoginView.objectName():
            LoginView.setObjectName(u"LoginView")
        LoginView.resize(460, 320)
        self.login_layout = QVBoxLayout(LoginView)
        self.login_layout.setSpacing(10)
        self.login_layout.setObjectName(u"login_layout")
        self.title_label = QLabel(LoginView)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setStyleSheet(u"font-size: 16pt; font-weight: 600;")

        self.login_layout.addWidget(self.title_label)

        self.intro_label = QLabel(LoginView)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.login_layout.addWidget(self.intro_label)

        self.form_layout = QGridLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setHorizontalSpacing(10)
        self.form_layout.setVerticalSpacing(6)
        self.username_label = QLabel(LoginView)
        self.username_label.setObjectName(u"username_label")

        self.form_layout.addWidget(self.username_label, 0, 0, 1, 1)

        self.username_edit = QLineEdit(LoginView)
        self.username_edit.setObjectName(u"username_edit")
        self.username_edit.setMaxLength(60)

        self.form_layout.addWidget(self.username_edit, 0, 1, 1, 1)

        self.password_label = QLabel(LoginView)
        self.password_label.setObjectName(u"password_label")

        self.form_layout.addWidget(self.password_label, 1, 0, 1, 1)

        self.password_edit = QLineEdit(LoginView)
        self.password_edit.setObjectName(u"password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.addWidget(self.password_edit, 1, 1, 1, 1)

        self.error_label = ErrorLabel(LoginView)
        self.error_label.setObjectName(u"error_label")

        self.form_layout.addWidget(self.error_label, 2, 1, 1, 1)


        self.login_layout.addLayout(self.form_layout)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.login_button = QPushButton(LoginView)
        self.login_button.setObjectName(u"login_button")

        self.button_layout.addWidget(self.login_button)


        self.login_layout.addLayout(self.button_layout)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.login_layout.addItem(self.bottom_spacer)

#if QT_CONFIG(shortcut)
        self.username_label.setBuddy(self.username_edit)
        self.password_label.setBuddy(self.password_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username_edit, self.password_edit)
        QWidget.setTabOrder(self.password_edit, self.login_button)

        self.retranslateUi(LoginView)

        self.login_button.setDefault(True)


        QMetaObject.connectSlotsByName(LoginView)
    # setupUi

    def retranslateUi(self, LoginView):
        LoginView.setWindowTitle(QCoreApplication.translate("LoginView", u"Log ind", None))
        self.title_label.setText(QCoreApplication.translate("LoginView", u"Log ind", None))
        self.intro_label.setText(QCoreApplication.translate("LoginView", u"Skriv dit brugernavn og din adgangskode.", None))
        self.username_label.setText(QCoreApplication.translate("LoginView", u"&Brugernavn:", None))
        self.password_label.setText(QCoreApplication.translate("LoginView", u"&Adgangskode:", None))
        self.login_button.setText(QCoreApplication.translate("LoginView", u"&Log ind", None))
    # retranslateUi

