# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'supervision_refuse_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

from tilsyn.ui.views.supervision_widgets import WrapLabel
from tilsyn.ui.widgets.date_edit import DanishDateEdit
from tilsyn.ui.widgets.error_label import ErrorLabel

class Ui_RefuseDialog(object):
    def setupUi(self, RefuseDialog):
        if not RefuseDialog.objectName():
            RefuseDialog.setObjectName(u"RefuseDialog")
        RefuseDialog.setMinimumSize(QSize(520, 0))
        self.dialog_layout = QVBoxLayout(RefuseDialog)
        self.dialog_layout.setSpacing(10)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.member_label = WrapLabel(RefuseDialog)
        self.member_label.setObjectName(u"member_label")
        self.member_label.setTextFormat(Qt.TextFormat.RichText)

        self.dialog_layout.addWidget(self.member_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.reason_label = QLabel(RefuseDialog)
        self.reason_label.setObjectName(u"reason_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason_combo = QComboBox(RefuseDialog)
        self.reason_combo.setObjectName(u"reason_combo")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reason_combo)

        self.note_label = QLabel(RefuseDialog)
        self.note_label.setObjectName(u"note_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note_edit = QLineEdit(RefuseDialog)
        self.note_edit.setObjectName(u"note_edit")
        self.note_edit.setMaxLength(200)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.note_edit)

        self.note_error_label = ErrorLabel(RefuseDialog)
        self.note_error_label.setObjectName(u"note_error_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.note_error_label)

        self.replace_check = QCheckBox(RefuseDialog)
        self.replace_check.setObjectName(u"replace_check")
        self.replace_check.setChecked(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.replace_check)


        self.dialog_layout.addLayout(self.form_layout)

        self.general_error_label = ErrorLabel(RefuseDialog)
        self.general_error_label.setObjectName(u"general_error_label")

        self.dialog_layout.addWidget(self.general_error_label)

        self.button_box = QDialogButtonBox(RefuseDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.reason_label.setBuddy(self.reason_combo)
        self.note_label.setBuddy(self.note_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.reason_combo, self.note_edit)
        QWidget.setTabOrder(self.note_edit, self.replace_check)
        QWidget.setTabOrder(self.replace_check, self.button_box)

        self.retranslateUi(RefuseDialog)

        QMetaObject.connectSlotsByName(RefuseDialog)
    # setupUi

    def retranslateUi(self, RefuseDialog):
        RefuseDialog.setWindowTitle(QCoreApplication.translate("RefuseDialog", u"Afslag i stikpr\u00f8ven", None))
        self.reason_label.setText(QCoreApplication.translate("RefuseDialog", u"\u00c5&rsag:", None))
        self.note_label.setText(QCoreApplication.translate("RefuseDialog", u"&Bem\u00e6rkning:", None))
        self.replace_check.setText(QCoreApplication.translate("RefuseDialog", u"&Erstat med den n\u00e6ste i r\u00e6kken", None))
    # retranslateUi

