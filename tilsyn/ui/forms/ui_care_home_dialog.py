# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'care_home_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QGridLayout,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from tilsyn.ui.widgets.error_label import ErrorLabel

class Ui_CareHomeDialog(object):
    def setupUi(self, CareHomeDialog):
        if not CareHomeDialog.objectName():
            CareHomeDialog.setObjectName(u"CareHomeDialog")
        CareHomeDialog.resize(520, 300)
        CareHomeDialog.setModal(True)
        self.dialog_layout = QVBoxLayout(CareHomeDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.intro_label = QLabel(CareHomeDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.intro_label)

        self.form_layout = QGridLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setHorizontalSpacing(10)
        self.form_layout.setVerticalSpacing(2)
        self.name_label = QLabel(CareHomeDialog)
        self.name_label.setObjectName(u"name_label")

        self.form_layout.addWidget(self.name_label, 0, 0, 1, 1)

        self.name_edit = QLineEdit(CareHomeDialog)
        self.name_edit.setObjectName(u"name_edit")

        self.form_layout.addWidget(self.name_edit, 0, 1, 1, 1)

        self.name_error_label = ErrorLabel(CareHomeDialog)
        self.name_error_label.setObjectName(u"name_error_label")

        self.form_layout.addWidget(self.name_error_label, 1, 1, 1, 1)

        self.kind_label = QLabel(CareHomeDialog)
        self.kind_label.setObjectName(u"kind_label")

        self.form_layout.addWidget(self.kind_label, 2, 0, 1, 1)

        self.kind_combo = QComboBox(CareHomeDialog)
        self.kind_combo.setObjectName(u"kind_combo")

        self.form_layout.addWidget(self.kind_combo, 2, 1, 1, 1)

        self.kind_error_label = ErrorLabel(CareHomeDialog)
        self.kind_error_label.setObjectName(u"kind_error_label")

        self.form_layout.addWidget(self.kind_error_label, 3, 1, 1, 1)

        self.address_label = QLabel(CareHomeDialog)
        self.address_label.setObjectName(u"address_label")

        self.form_layout.addWidget(self.address_label, 4, 0, 1, 1)

        self.address_edit = QLineEdit(CareHomeDialog)
        self.address_edit.setObjectName(u"address_edit")

        self.form_layout.addWidget(self.address_edit, 4, 1, 1, 1)

        self.address_error_label = ErrorLabel(CareHomeDialog)
        self.address_error_label.setObjectName(u"address_error_label")

        self.form_layout.addWidget(self.address_error_label, 5, 1, 1, 1)

        self.postal_code_label = QLabel(CareHomeDialog)
        self.postal_code_label.setObjectName(u"postal_code_label")

        self.form_layout.addWidget(self.postal_code_label, 6, 0, 1, 1)

        self.postal_code_edit = QLineEdit(CareHomeDialog)
        self.postal_code_edit.setObjectName(u"postal_code_edit")
        self.postal_code_edit.setMaxLength(4)
        self.postal_code_edit.setMaximumSize(QSize(80, 16777215))

        self.form_layout.addWidget(self.postal_code_edit, 6, 1, 1, 1)

        self.postal_code_error_label = ErrorLabel(CareHomeDialog)
        self.postal_code_error_label.setObjectName(u"postal_code_error_label")

        self.form_layout.addWidget(self.postal_code_error_label, 7, 1, 1, 1)

        self.city_label = QLabel(CareHomeDialog)
        self.city_label.setObjectName(u"city_label")

        self.form_layout.addWidget(self.city_label, 8, 0, 1, 1)

        self.city_edit = QLineEdit(CareHomeDialog)
        self.city_edit.setObjectName(u"city_edit")

        self.form_layout.addWidget(self.city_edit, 8, 1, 1, 1)

        self.city_error_label = ErrorLabel(CareHomeDialog)
        self.city_error_label.setObjectName(u"city_error_label")

        self.form_layout.addWidget(self.city_error_label, 9, 1, 1, 1)

        self.units_label = QLabel(CareHomeDialog)
        self.units_label.setObjectName(u"units_label")

        self.form_layout.addWidget(self.units_label, 10, 0, 1, 1)

        self.units_edit = QLineEdit(CareHomeDialog)
        self.units_edit.setObjectName(u"units_edit")

        self.form_layout.addWidget(self.units_edit, 10, 1, 1, 1)

        self.units_error_label = ErrorLabel(CareHomeDialog)
        self.units_error_label.setObjectName(u"units_error_label")

        self.form_layout.addWidget(self.units_error_label, 11, 1, 1, 1)


        self.dialog_layout.addLayout(self.form_layout)

        self.general_error_label = ErrorLabel(CareHomeDialog)
        self.general_error_label.setObjectName(u"general_error_label")

        self.dialog_layout.addWidget(self.general_error_label)

        self.bottom_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialog_layout.addItem(self.bottom_spacer)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.button_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.save_button = QPushButton(CareHomeDialog)
        self.save_button.setObjectName(u"save_button")

        self.button_layout.addWidget(self.save_button)

        self.cancel_button = QPushButton(CareHomeDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.button_layout.addWidget(self.cancel_button)


        self.dialog_layout.addLayout(self.button_layout)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.kind_label.setBuddy(self.kind_combo)
        self.address_label.setBuddy(self.address_edit)
        self.postal_code_label.setBuddy(self.postal_code_edit)
        self.city_label.setBuddy(self.city_edit)
        self.units_label.setBuddy(self.units_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name_edit, self.kind_combo)
        QWidget.setTabOrder(self.kind_combo, self.address_edit)
        QWidget.setTabOrder(self.address_edit, self.postal_code_edit)
        QWidget.setTabOrder(self.postal_code_edit, self.city_edit)
        QWidget.setTabOrder(self.city_edit, self.units_edit)
        QWidget.setTabOrder(self.units_edit, self.save_button)
        QWidget.setTabOrder(self.save_button, self.cancel_button)

        self.retranslateUi(CareHomeDialog)
        self.cancel_button.clicked.connect(CareHomeDialog.reject)

        self.save_button.setDefault(True)


        QMetaObject.connectSlotsByName(CareHomeDialog)
    # setupUi

    def retranslateUi(self, CareHomeDialog):
        CareHomeDialog.setWindowTitle(QCoreApplication.translate("CareHomeDialog", u"Plejecenter", None))
        self.intro_label.setText(QCoreApplication.translate("CareHomeDialog", u"Kun navnet skal udfyldes. Afdelingerne kan v\u00e6lges, n\u00e5r en beboer placeres p\u00e5 plejecentret.", None))
        self.name_label.setText(QCoreApplication.translate("CareHomeDialog", u"&Navn:", None))
        self.name_edit.setPlaceholderText(QCoreApplication.translate("CareHomeDialog", u"F.eks. Solg\u00e5rden", None))
        self.kind_label.setText(QCoreApplication.translate("CareHomeDialog", u"&Type:", None))
        self.address_label.setText(QCoreApplication.translate("CareHomeDialog", u"&Adresse:", None))
        self.address_edit.setPlaceholderText(QCoreApplication.translate("CareHomeDialog", u"Vej og husnummer", None))
        self.postal_code_label.setText(QCoreApplication.translate("CareHomeDialog", u"&Postnummer:", None))
        self.postal_code_edit.setPlaceholderText(QCoreApplication.translate("CareHomeDialog", u"4 cifre", None))
        self.city_label.setText(QCoreApplication.translate("CareHomeDialog", u"&By:", None))
        self.units_label.setText(QCoreApplication.translate("CareHomeDialog", u"A&fdelinger:", None))
        self.units_edit.setPlaceholderText(QCoreApplication.translate("CareHomeDialog", u"Adskil med komma, f.eks. Afsnit A, Afsnit B", None))
        self.save_button.setText(QCoreApplication.translate("CareHomeDialog", u"&Gem", None))
        self.cancel_button.setText(QCoreApplication.translate("CareHomeDialog", u"Annuller", None))
    # retranslateUi

