# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'user_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog,
    QGridLayout, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from tilsyn.ui.widgets.error_label import ErrorLabel

class Ui_UserDialog(object):
    def setupUi(self, UserDialog):
        if not UserDialog.objectName():
            UserDialog.setObjectName(u"UserDialog")
        UserDialog.resize(560, 560)
        UserDialog.setModal(True)
        self.dialog_layout = QVBoxLayout(UserDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.form_layout = QGridLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setHorizontalSpacing(10)
        self.form_layout.setVerticalSpacing(3)
        self.username_label = QLabel(UserDialog)
        self.username_label.setObjectName(u"username_label")

        self.form_layout.addWidget(self.username_label, 0, 0, 1, 1)

        self.username_edit = QLineEdit(UserDialog)
        self.username_edit.setObjectName(u"username_edit")
        self.username_edit.setMaxLength(60)

        self.form_layout.addWidget(self.username_edit, 0, 1, 1, 1)

        self.username_error_label = ErrorLabel(UserDialog)
        self.username_error_label.setObjectName(u"username_error_label")

        self.form_layout.addWidget(self.username_error_label, 1, 1, 1, 1)

        self.full_name_label = QLabel(UserDialog)
        self.full_name_label.setObjectName(u"full_name_label")

        self.form_layout.addWidget(self.full_name_label, 2, 0, 1, 1)

        self.full_name_edit = QLineEdit(UserDialog)
        self.full_name_edit.setObjectName(u"full_name_edit")

        self.form_layout.addWidget(self.full_name_edit, 2, 1, 1, 1)

        self.full_name_error_label = ErrorLabel(UserDialog)
        self.full_name_error_label.setObjectName(u"full_name_error_label")

        self.form_layout.addWidget(self.full_name_error_label, 3, 1, 1, 1)

        self.position_label = QLabel(UserDialog)
        self.position_label.setObjectName(u"position_label")

        self.form_layout.addWidget(self.position_label, 4, 0, 1, 1)

        self.position_edit = QLineEdit(UserDialog)
        self.position_edit.setObjectName(u"position_edit")

        self.form_layout.addWidget(self.position_edit, 4, 1, 1, 1)

        self.position_error_label = ErrorLabel(UserDialog)
        self.position_error_label.setObjectName(u"position_error_label")

        self.form_layout.addWidget(self.position_error_label, 5, 1, 1, 1)

        self.role_label = QLabel(UserDialog)
        self.role_label.setObjectName(u"role_label")

        self.form_layout.addWidget(self.role_label, 6, 0, 1, 1)

        self.role_combo = QComboBox(UserDialog)
        self.role_combo.setObjectName(u"role_combo")

        self.form_layout.addWidget(self.role_combo, 6, 1, 1, 1)

        self.role_error_label = ErrorLabel(UserDialog)
        self.role_error_label.setObjectName(u"role_error_label")

        self.form_layout.addWidget(self.role_error_label, 7, 1, 1, 1)

        self.care_homes_label = QLabel(UserDialog)
        self.care_homes_label.setObjectName(u"care_homes_label")

        self.form_layout.addWidget(self.care_homes_label, 8, 0, 1, 1, Qt.AlignmentFlag.AlignTop)

        self.care_homes_list = QListWidget(UserDialog)
        self.care_homes_list.setObjectName(u"care_homes_list")
        self.care_homes_list.setMaximumSize(QSize(16777215, 130))

        self.form_layout.addWidget(self.care_homes_list, 8, 1, 1, 1)

        self.care_homes_hint_label = QLabel(UserDialog)
        self.care_homes_hint_label.setObjectName(u"care_homes_hint_label")
        self.care_homes_hint_label.setWordWrap(True)

        self.form_layout.addWidget(self.care_homes_hint_label, 9, 1, 1, 1)

        self.care_home_ids_error_label = ErrorLabel(UserDialog)
        self.care_home_ids_error_label.setObjectName(u"care_home_ids_error_label")

        self.form_layout.addWidget(self.care_home_ids_error_label, 10, 1, 1, 1)

        self.password_label = QLabel(UserDialog)
        self.password_label.setObjectName(u"password_label")

        self.form_layout.addWidget(self.password_label, 11, 0, 1, 1)

        self.password_edit = QLineEdit(UserDialog)
        self.password_edit.setObjectName(u"password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.addWidget(self.password_edit, 11, 1, 1, 1)

        self.password_error_label = ErrorLabel(UserDialog)
        self.password_error_label.setObjectName(u"password_error_label")

        self.form_layout.addWidget(self.password_error_label, 12, 1, 1, 1)

        self.password_repeat_label = QLabel(UserDialog)
        self.password_repeat_label.setObjectName(u"password_repeat_label")

        self.form_layout.addWidget(self.password_repeat_label, 13, 0, 1, 1)

        self.password_repeat_edit = QLineEdit(UserDialog)
        self.password_repeat_edit.setObjectName(u"password_repeat_edit")
        self.password_repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.addWidget(self.password_repeat_edit, 13, 1, 1, 1)

        self.password_repeat_error_label = ErrorLabel(UserDialog)
        self.password_repeat_error_label.setObjectName(u"password_repeat_error_label")

        self.form_layout.addWidget(self.password_repeat_error_label, 14, 1, 1, 1)

        self.active_check = QCheckBox(UserDialog)
        self.active_check.setObjectName(u"active_check")
        self.active_check.setChecked(True)

        self.form_layout.addWidget(self.active_check, 15, 1, 1, 1)


        self.dialog_layout.addLayout(self.form_layout)

        self.general_error_label = ErrorLabel(UserDialog)
        self.general_error_label.setObjectName(u"general_error_label")

        self.dialog_layout.addWidget(self.general_error_label)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialog_layout.addItem(self.bottom_spacer)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.save_button = QPushButton(UserDialog)
        self.save_button.setObjectName(u"save_button")

        self.button_layout.addWidget(self.save_button)

        self.cancel_button = QPushButton(UserDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.button_layout.addWidget(self.cancel_button)


        self.dialog_layout.addLayout(self.button_layout)

#if QT_CONFIG(shortcut)
        self.username_label.setBuddy(self.username_edit)
        self.full_name_label.setBuddy(self.full_name_edit)
        self.position_label.setBuddy(self.position_edit)
        self.role_label.setBuddy(self.role_combo)
        self.care_homes_label.setBuddy(self.care_homes_list)
        self.password_label.setBuddy(self.password_edit)
        self.password_repeat_label.setBuddy(self.password_repeat_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username_edit, self.full_name_edit)
        QWidget.setTabOrder(self.full_name_edit, self.position_edit)
        QWidget.setTabOrder(self.position_edit, self.role_combo)
        QWidget.setTabOrder(self.role_combo, self.care_homes_list)
        QWidget.setTabOrder(self.care_homes_list, self.password_edit)
        QWidget.setTabOrder(self.password_edit, self.password_repeat_edit)
        QWidget.setTabOrder(self.password_repeat_edit, self.active_check)
        QWidget.setTabOrder(self.active_check, self.save_button)
        QWidget.setTabOrder(self.save_button, self.cancel_button)

        self.retranslateUi(UserDialog)
        self.cancel_button.clicked.connect(UserDialog.reject)

        self.save_button.setDefault(True)


        QMetaObject.connectSlotsByName(UserDialog)
    # setupUi

    def retranslateUi(self, UserDialog):
        UserDialog.setWindowTitle(QCoreApplication.translate("UserDialog", u"Bruger", None))
        self.username_label.setText(QCoreApplication.translate("UserDialog", u"&Brugernavn:", None))
        self.username_edit.setPlaceholderText(QCoreApplication.translate("UserDialog", u"F.eks. pia.hansen", None))
        self.full_name_label.setText(QCoreApplication.translate("UserDialog", u"&Fulde navn:", None))
        self.position_label.setText(QCoreApplication.translate("UserDialog", u"S&tilling:", None))
        self.position_edit.setPlaceholderText(QCoreApplication.translate("UserDialog", u"F.eks. Social- og sundhedsassistent", None))
        self.role_label.setText(QCoreApplication.translate("UserDialog", u"&Rolle:", None))
        self.care_homes_label.setText(QCoreApplication.translate("UserDialog", u"&Plejecentre:", None))
        self.care_homes_hint_label.setText(QCoreApplication.translate("UserDialog", u"Medarbejdere og n\u00e6rmeste ledere ser kun de plejecentre, der er sat hak ved.", None))
        self.password_label.setText(QCoreApplication.translate("UserDialog", u"&Adgangskode:", None))
        self.password_edit.setPlaceholderText(QCoreApplication.translate("UserDialog", u"Mindst 8 tegn", None))
        self.password_repeat_label.setText(QCoreApplication.translate("UserDialog", u"G&entag adgangskode:", None))
        self.active_check.setText(QCoreApplication.translate("UserDialog", u"A&ktiv (kan logge ind)", None))
        self.save_button.setText(QCoreApplication.translate("UserDialog", u"&Gem", None))
        self.cancel_button.setText(QCoreApplication.translate("UserDialog", u"Annuller", None))
    # retranslateUi

