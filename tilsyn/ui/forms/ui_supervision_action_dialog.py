# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'supervision_action_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

from tilsyn.ui.views.supervision_widgets import WrapLabel
from tilsyn.ui.widgets.date_edit import DanishDateEdit
from tilsyn.ui.widgets.error_label import ErrorLabel

class Ui_ActionItemDialog(object):
    def setupUi(self, ActionItemDialog):
        if not ActionItemDialog.objectName():
            ActionItemDialog.setObjectName(u"ActionItemDialog")
        ActionItemDialog.setMinimumSize(QSize(520, 0))
        self.dialog_layout = QVBoxLayout(ActionItemDialog)
        self.dialog_layout.setSpacing(10)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.action_label = QLabel(ActionItemDialog)
        self.action_label.setObjectName(u"action_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.action_label)

        self.action_edit = QPlainTextEdit(ActionItemDialog)
        self.action_edit.setObjectName(u"action_edit")
        self.action_edit.setMaximumSize(QSize(16777215, 70))
        self.action_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.action_edit)

        self.action_error_label = ErrorLabel(ActionItemDialog)
        self.action_error_label.setObjectName(u"action_error_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.action_error_label)

        self.responsible_label = QLabel(ActionItemDialog)
        self.responsible_label.setObjectName(u"responsible_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.responsible_label)

        self.responsible_edit = QLineEdit(ActionItemDialog)
        self.responsible_edit.setObjectName(u"responsible_edit")
        self.responsible_edit.setMaxLength(120)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.responsible_edit)

        self.due_label = QLabel(ActionItemDialog)
        self.due_label.setObjectName(u"due_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.due_label)

        self.due_on_edit = DanishDateEdit(ActionItemDialog)
        self.due_on_edit.setObjectName(u"due_on_edit")
        self.due_on_edit.setMaximumSize(QSize(160, 16777215))

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.due_on_edit)

        self.due_on_error_label = ErrorLabel(ActionItemDialog)
        self.due_on_error_label.setObjectName(u"due_on_error_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.due_on_error_label)

        self.status_label = QLabel(ActionItemDialog)
        self.status_label.setObjectName(u"status_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status_combo = QComboBox(ActionItemDialog)
        self.status_combo.setObjectName(u"status_combo")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.status_combo)


        self.dialog_layout.addLayout(self.form_layout)

        self.general_error_label = ErrorLabel(ActionItemDialog)
        self.general_error_label.setObjectName(u"general_error_label")

        self.dialog_layout.addWidget(self.general_error_label)

        self.button_box = QDialogButtonBox(ActionItemDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.action_label.setBuddy(self.action_edit)
        self.responsible_label.setBuddy(self.responsible_edit)
        self.due_label.setBuddy(self.due_on_edit)
        self.status_label.setBuddy(self.status_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.action_edit, self.responsible_edit)
        QWidget.setTabOrder(self.responsible_edit, self.due_on_edit)
        QWidget.setTabOrder(self.due_on_edit, self.status_combo)
        QWidget.setTabOrder(self.status_combo, self.button_box)

        self.retranslateUi(ActionItemDialog)

        QMetaObject.connectSlotsByName(ActionItemDialog)
    # setupUi

    def retranslateUi(self, ActionItemDialog):
        ActionItemDialog.setWindowTitle(QCoreApplication.translate("ActionItemDialog", u"Handling i handleplanen", None))
        self.action_label.setText(QCoreApplication.translate("ActionItemDialog", u"&Handling:", None))
        self.responsible_label.setText(QCoreApplication.translate("ActionItemDialog", u"&Ansvarlig:", None))
        self.due_label.setText(QCoreApplication.translate("ActionItemDialog", u"&Frist:", None))
        self.status_label.setText(QCoreApplication.translate("ActionItemDialog", u"&Status:", None))
    # retranslateUi

