# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_admin.ui'
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

class Ui_FirstAdminView(object):
    def setupUi(self, FirstAdminView):
        if not FirstAdminView.objectName():
            FirstAdminView.setObjectName(u"FirstAdminView")
        FirstAdminView.resize(520, 420)
        self.first_admin_layout = QVBoxLayout(FirstAdminView)
        self.first_admin_layout.setSpacing(10)
        self.first_admin_layout.setObjectName(u"first_admin_layout")
        self.title_label = QLabel(FirstAdminView)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setStyleSheet(u"font-size: 16pt; font-weight: 600;")

        self.first_admin_layout.addWidget(self.title_label)

        self.intro_label = QLabel(FirstAdminView)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.first_admin_layout.addWidget(self.intro_label)

        self.form_layout = QGridLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setHorizontalSpacing(10)
        self.form_layout.setVerticalSpacing(4)
        self.username_label = QLabel(FirstAdminView)
        self.username_label.setObjectName(u"username_label")

        self.form_layout.addWidget(self.username_label, 0, 0, 1, 1)

        self.username_edit = QLineEdit(FirstAdminView)
        self.username_edit.setObjectName(u"username_edit")

        self.form_layout.addWidget(self.username_edit, 0, 1, 1, 1)

        self.username_error_label = ErrorLabel(FirstAdminView)
        self.username_error_label.setObjectName(u"username_error_label")

        self.form_layout.addWidget(self.username_error_label, 1, 1, 1, 1)

        self.full_name_label = QLabel(FirstAdminView)
        self.full_name_label.setObjectName(u"full_name_label")

        self.form_layout.addWidget(self.full_name_label, 2, 0, 1, 1)

        self.full_name_edit = QLineEdit(FirstAdminView)
        self.full_name_edit.setObjectName(u"full_name_edit")

        self.form_layout.addWidget(self.full_name_edit, 2, 1, 1, 1)

        self.full_name_error_label = ErrorLabel(FirstAdminView)
        self.full_name_error_label.setObjectName(u"full_name_error_label")

        self.form_layout.addWidget(self.full_name_error_label, 3, 1, 1, 1)

        self.password_label = QLabel(FirstAdminView)
        self.password_label.setObjectName(u"password_label")

        self.form_layout.addWidget(self.password_label, 4, 0, 1, 1)

        self.password_edit = QLineEdit(FirstAdminView)
        self.password_edit.setObjectName(u"password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.addWidget(self.password_edit, 4, 1, 1, 1)

        self.password_error_label = ErrorLabel(FirstAdminView)
        self.password_error_label.setObjectName(u"password_error_label")

        self.form_layout.addWidget(self.password_error_label, 5, 1, 1, 1)

        self.password_repeat_label = QLabel(FirstAdminView)
        self.password_repeat_label.setObjectName(u"password_repeat_label")

        self.form_layout.addWidget(self.password_repeat_label, 6, 0, 1, 1)

        self.password_repeat_edit = QLineEdit(FirstAdminView)
        self.password_repeat_edit.setObjectName(u"password_repeat_edit")
        self.password_repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.addWidget(self.password_repeat_edit, 6, 1, 1, 1)

        self.password_repeat_error_label = ErrorLabel(FirstAdminView)
        self.password_repeat_error_label.setObjectName(u"password_repeat_error_label")

        self.form_layout.addWidget(self.password_repeat_error_label, 7, 1, 1, 1)


        self.first_admin_layout.addLayout(self.form_layout)

        self.general_error_label = ErrorLabel(FirstAdminView)
        self.general_error_label.setObjectName(u"general_error_label")

        self.first_admin_layout.addWidget(self.general_error_label)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.create_button = QPushButton(FirstAdminView)
        self.create_button.setObjectName(u"create_button")

        self.button_layout.addWidget(self.create_button)


        self.first_admin_layout.addLayout(self.button_layout)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.first_admin_layout.addItem(self.bottom_spacer)

#if QT_CONFIG(shortcut)
        self.username_label.setBuddy(self.username_edit)
        self.full_name_label.setBuddy(self.full_name_edit)
        self.password_label.setBuddy(self.password_edit)
        self.password_repeat_label.setBuddy(self.password_repeat_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username_edit, self.full_name_edit)
        QWidget.setTabOrder(self.full_name_edit, self.password_edit)
        QWidget.setTabOrder(self.password_edit, self.password_repeat_edit)
        QWidget.setTabOrder(self.password_repeat_edit, self.create_button)

        self.retranslateUi(FirstAdminView)

        self.create_button.setDefault(True)


        QMetaObject.connectSlotsByName(FirstAdminView)
    # setupUi

    def retranslateUi(self, FirstAdminView):
        FirstAdminView.setWindowTitle(QCoreApplication.translate("FirstAdminView", u"Opret administrator", None))
        self.title_label.setText(QCoreApplication.translate("FirstAdminView", u"Velkommen til Tilsyn", None))
        self.intro_label.setText(QCoreApplication.translate("FirstAdminView", u"Opret den f\u00f8rste bruger. Den bliver administrator og opretter bagefter de \u00f8vrige brugere: medarbejdere, ledere, sagsbehandlere og tilsynskonsulenter.", None))
        self.username_label.setText(QCoreApplication.translate("FirstAdminView", u"&Brugernavn:", None))
        self.username_edit.setPlaceholderText(QCoreApplication.translate("FirstAdminView", u"F.eks. anne.admin", None))
        self.full_name_label.setText(QCoreApplication.translate("FirstAdminView", u"&Fulde navn:", None))
        self.full_name_edit.setPlaceholderText(QCoreApplication.translate("FirstAdminView", u"F.eks. Anne Andersen", None))
        self.password_label.setText(QCoreApplication.translate("FirstAdminView", u"&Adgangskode:", None))
        self.password_edit.setPlaceholderText(QCoreApplication.translate("FirstAdminView", u"Mindst 8 tegn", None))
        self.password_repeat_label.setText(QCoreApplication.translate("FirstAdminView", u"&Gentag adgangskode:", None))
        self.create_button.setText(QCoreApplication.translate("FirstAdminView", u"&Opret administrator", None))
    # retranslateUi

