# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'permit_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

from tilsyn.ui.widgets.date_edit import DanishDateEdit
from tilsyn.ui.widgets.error_label import ErrorLabel

class Ui_PermitDialog(object):
    def setupUi(self, PermitDialog):
        if not PermitDialog.objectName():
            PermitDialog.setObjectName(u"PermitDialog")
        PermitDialog.resize(620, 640)
        self.main_layout = QVBoxLayout(PermitDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.header_layout = QVBoxLayout()
        self.header_layout.setSpacing(2)
        self.header_layout.setObjectName(u"header_layout")
        self.resident_label = QLabel(PermitDialog)
        self.resident_label.setObjectName(u"resident_label")

        self.header_layout.addWidget(self.resident_label)

        self.catalogue_label = QLabel(PermitDialog)
        self.catalogue_label.setObjectName(u"catalogue_label")
        self.catalogue_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.header_layout.addWidget(self.catalogue_label)


        self.main_layout.addLayout(self.header_layout)

        self.force_types_group = QGroupBox(PermitDialog)
        self.force_types_group.setObjectName(u"force_types_group")
        self.force_types_group_layout = QVBoxLayout(self.force_types_group)
        self.force_types_group_layout.setObjectName(u"force_types_group_layout")
        self.force_types_layout = QVBoxLayout()
        self.force_types_layout.setSpacing(4)
        self.force_types_layout.setObjectName(u"force_types_layout")

        self.force_types_group_layout.addLayout(self.force_types_layout)

        self.force_types_error_label = ErrorLabel(self.force_types_group)
        self.force_types_error_label.setObjectName(u"force_types_error_label")

        self.force_types_group_layout.addWidget(self.force_types_error_label)


        self.main_layout.addWidget(self.force_types_group)

        self.terms_layout = QFormLayout()
        self.terms_layout.setObjectName(u"terms_layout")
        self.terms_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.terms_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTrailing|Qt.AlignmentFlag.AlignVCenter)
        self.prerequisites_label = QLabel(PermitDialog)
        self.prerequisites_label.setObjectName(u"prerequisites_label")

        self.terms_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.prerequisites_label)

        self.prerequisites_edit = QPlainTextEdit(PermitDialog)
        self.prerequisites_edit.setObjectName(u"prerequisites_edit")
        self.prerequisites_edit.setTabChangesFocus(True)
        self.prerequisites_edit.setMinimumSize(QSize(0, 70))
        self.prerequisites_edit.setMaximumSize(QSize(16777215, 110))

        self.terms_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.prerequisites_edit)

        self.prerequisites_error_label = ErrorLabel(PermitDialog)
        self.prerequisites_error_label.setObjectName(u"prerequisites_error_label")

        self.terms_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.prerequisites_error_label)

        self.valid_from_label = QLabel(PermitDialog)
        self.valid_from_label.setObjectName(u"valid_from_label")

        self.terms_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.valid_from_label)

        self.valid_from_edit = DanishDateEdit(PermitDialog)
        self.valid_from_edit.setObjectName(u"valid_from_edit")
        self.valid_from_edit.setMaximumSize(QSize(140, 16777215))

        self.terms_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.valid_from_edit)

        self.valid_from_error_label = ErrorLabel(PermitDialog)
        self.valid_from_error_label.setObjectName(u"valid_from_error_label")

        self.terms_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.valid_from_error_label)

        self.valid_to_label = QLabel(PermitDialog)
        self.valid_to_label.setObjectName(u"valid_to_label")

        self.terms_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.valid_to_label)

        self.valid_to_edit = DanishDateEdit(PermitDialog)
        self.valid_to_edit.setObjectName(u"valid_to_edit")
        self.valid_to_edit.setMaximumSize(QSize(140, 16777215))

        self.terms_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.valid_to_edit)

        self.valid_to_error_label = ErrorLabel(PermitDialog)
        self.valid_to_error_label.setObjectName(u"valid_to_error_label")

        self.terms_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.valid_to_error_label)

        self.decision_reference_label = QLabel(PermitDialog)
        self.decision_reference_label.setObjectName(u"decision_reference_label")

        self.terms_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.decision_reference_label)

        self.decision_reference_edit = QLineEdit(PermitDialog)
        self.decision_reference_edit.setObjectName(u"decision_reference_edit")
        self.decision_reference_edit.setMaxLength(100)

        self.terms_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.decision_reference_edit)

        self.decision_reference_error_label = ErrorLabel(PermitDialog)
        self.decision_reference_error_label.setObjectName(u"decision_reference_error_label")

        self.terms_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.decision_reference_error_label)


        self.main_layout.addLayout(self.terms_layout)

        self.form_error_label = ErrorLabel(PermitDialog)
        self.form_error_label.setObjectName(u"form_error_label")

        self.main_layout.addWidget(self.form_error_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.buttons_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.save_button = QPushButton(PermitDialog)
        self.save_button.setObjectName(u"save_button")

        self.buttons_layout.addWidget(self.save_button)

        self.cancel_button = QPushButton(PermitDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.cancel_button)


        self.main_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.prerequisites_label.setBuddy(self.prerequisites_edit)
        self.valid_from_label.setBuddy(self.valid_from_edit)
        self.valid_to_label.setBuddy(self.valid_to_edit)
        self.decision_reference_label.setBuddy(self.decision_reference_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.prerequisites_edit, self.valid_from_edit)
        QWidget.setTabOrder(self.valid_from_edit, self.valid_to_edit)
        QWidget.setTabOrder(self.valid_to_edit, self.decision_reference_edit)
        QWidget.setTabOrder(self.decision_reference_edit, self.save_button)
        QWidget.setTabOrder(self.save_button, self.cancel_button)

        self.retranslateUi(PermitDialog)

        self.save_button.setDefault(True)


        QMetaObject.connectSlotsByName(PermitDialog)
    # setupUi

    def retranslateUi(self, PermitDialog):
        PermitDialog.setWindowTitle(QCoreApplication.translate("PermitDialog", u"Tilladelse til magtanvendelse", None))
        self.resident_label.setText(QCoreApplication.translate("PermitDialog", u"Beboer", None))
        self.resident_label.setStyleSheet(QCoreApplication.translate("PermitDialog", u"font-weight: 600;", None))
        self.catalogue_label.setText(QCoreApplication.translate("PermitDialog", u"Lovgrundlag:", None))
        self.force_types_group.setTitle(QCoreApplication.translate("PermitDialog", u"Typer af magtanvendelse, som afg\u00f8relsen tillader", None))
        self.prerequisites_label.setText(QCoreApplication.translate("PermitDialog", u"&Foruds\u00e6tninger:", None))
        self.prerequisites_edit.setPlaceholderText(QCoreApplication.translate("PermitDialog", u"Hvilke betingelser skal v\u00e6re opfyldt, f\u00f8r magt m\u00e5 anvendes?", None))
        self.valid_from_label.setText(QCoreApplication.translate("PermitDialog", u"Gyldig f&ra:", None))
        self.valid_to_label.setText(QCoreApplication.translate("PermitDialog", u"Gyldig &til:", None))
        self.decision_reference_label.setText(QCoreApplication.translate("PermitDialog", u"Afg\u00f8relsens &journalnummer:", None))
        self.save_button.setText(QCoreApplication.translate("PermitDialog", u"&Gem", None))
        self.cancel_button.setText(QCoreApplication.translate("PermitDialog", u"Annuller", None))
    # retranslateUi

