# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'supervision_step_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

from tilsyn.ui.views.supervision_widgets import WrapLabel
from tilsyn.ui.widgets.date_edit import DanishDateEdit
from tilsyn.ui.widgets.error_label import ErrorLabel

class Ui_StepDialog(object):
    def setupUi(self, StepDialog):
        if not StepDialog.objectName():
            StepDialog.setObjectName(u"StepDialog")
        StepDialog.setMinimumSize(QSize(520, 0))
        self.dialog_layout = QVBoxLayout(StepDialog)
        self.dialog_layout.setSpacing(10)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.message_label = WrapLabel(StepDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setTextFormat(Qt.TextFormat.RichText)

        self.dialog_layout.addWidget(self.message_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.date_label = QLabel(StepDialog)
        self.date_label.setObjectName(u"date_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.date_edit = DanishDateEdit(StepDialog)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setMaximumSize(QSize(160, 16777215))

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.date_edit)

        self.date_error_label = ErrorLabel(StepDialog)
        self.date_error_label.setObjectName(u"date_error_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.date_error_label)

        self.unannounced_check = QCheckBox(StepDialog)
        self.unannounced_check.setObjectName(u"unannounced_check")
        self.unannounced_check.setChecked(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.unannounced_check)

        self.text_label = QLabel(StepDialog)
        self.text_label.setObjectName(u"text_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.text_label)

        self.text_edit = QPlainTextEdit(StepDialog)
        self.text_edit.setObjectName(u"text_edit")
        self.text_edit.setMinimumSize(QSize(0, 90))
        self.text_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.text_edit)

        self.text_error_label = ErrorLabel(StepDialog)
        self.text_error_label.setObjectName(u"text_error_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.text_error_label)


        self.dialog_layout.addLayout(self.form_layout)

        self.general_error_label = ErrorLabel(StepDialog)
        self.general_error_label.setObjectName(u"general_error_label")

        self.dialog_layout.addWidget(self.general_error_label)

        self.button_box = QDialogButtonBox(StepDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.date_label.setBuddy(self.date_edit)
        self.text_label.setBuddy(self.text_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.date_edit, self.unannounced_check)
        QWidget.setTabOrder(self.unannounced_check, self.text_edit)
        QWidget.setTabOrder(self.text_edit, self.button_box)

        self.retranslateUi(StepDialog)

        QMetaObject.connectSlotsByName(StepDialog)
    # setupUi

    def retranslateUi(self, StepDialog):
        StepDialog.setWindowTitle(QCoreApplication.translate("StepDialog", u"Tilsynsbes\u00f8g", None))
        self.date_label.setText(QCoreApplication.translate("StepDialog", u"&Dato:", None))
        self.unannounced_check.setText(QCoreApplication.translate("StepDialog", u"&Uanmeldt bes\u00f8g", None))
        self.text_label.setText(QCoreApplication.translate("StepDialog", u"&Tekst:", None))
    # retranslateUi

