# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sign_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from tilsyn.ui.widgets.error_label import ErrorLabel

class Ui_SignDialog(object):
    def setupUi(self, SignDialog):
        if not SignDialog.objectName():
            SignDialog.setObjectName(u"SignDialog")
        SignDialog.resize(520, 260)
        self.main_layout = QVBoxLayout(SignDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.heading_label = QLabel(SignDialog)
        self.heading_label.setObjectName(u"heading_label")
        self.heading_label.setStyleSheet(u"font-size: 12pt; font-weight: 600;")

        self.main_layout.addWidget(self.heading_label)

        self.text_label = QLabel(SignDialog)
        self.text_label.setObjectName(u"text_label")
        self.text_label.setWordWrap(True)

        self.main_layout.addWidget(self.text_label)

        self.password_layout = QFormLayout()
        self.password_layout.setObjectName(u"password_layout")
        self.password_label = QLabel(SignDialog)
        self.password_label.setObjectName(u"password_label")

        self.password_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password_edit = QLineEdit(SignDialog)
        self.password_edit.setObjectName(u"password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.password_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.password_edit)


        self.main_layout.addLayout(self.password_layout)

        self.error_label = ErrorLabel(SignDialog)
        self.error_label.setObjectName(u"error_label")

        self.main_layout.addWidget(self.error_label)

        self.vertical_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.vertical_spacer)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.buttons_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.sign_button = QPushButton(SignDialog)
        self.sign_button.setObjectName(u"sign_button")

        self.buttons_layout.addWidget(self.sign_button)

        self.cancel_button = QPushButton(SignDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.cancel_button)


        self.main_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.password_label.setBuddy(self.password_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.password_edit, self.sign_button)
        QWidget.setTabOrder(self.sign_button, self.cancel_button)

        self.retranslateUi(SignDialog)

        self.sign_button.setDefault(True)


        QMetaObject.connectSlotsByName(SignDialog)
    # setupUi

    def retranslateUi(self, SignDialog):
        SignDialog.setWindowTitle(QCoreApplication.translate("SignDialog", u"Underskriv", None))
        self.heading_label.setText(QCoreApplication.translate("SignDialog", u"Underskriv", None))
        self.text_label.setText("")
        self.password_label.setText(QCoreApplication.translate("SignDialog", u"&Adgangskode:", None))
        self.sign_button.setText(QCoreApplication.translate("SignDialog", u"&Underskriv", None))
        self.cancel_button.setText(QCoreApplication.translate("SignDialog", u"Annuller", None))
    # retranslateUi

