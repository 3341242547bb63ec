# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'supervision_exclude_dialog.ui'
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
    QListWidget, QListWidgetItem, QSizePolicy, QVBoxLayout,
    QWidget)

from tilsyn.ui.views.supervision_widgets import WrapLabel
from tilsyn.ui.widgets.date_edit import DanishDateEdit
from tilsyn.ui.widgets.error_label import ErrorLabel

class Ui_ExcludeDialog(object):
    def setupUi(self, ExcludeDialog):
        if not ExcludeDialog.objectName():
            ExcludeDialog.setObjectName(u"ExcludeDialog")
        ExcludeDialog.setMinimumSize(QSize(520, 0))
        self.dialog_layout = QVBoxLayout(ExcludeDialog)
        self.dialog_layout.setSpacing(10)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.intro_label = WrapLabel(ExcludeDialog)
        self.intro_label.setObjectName(u"intro_label")

        self.dialog_layout.addWidget(self.intro_label)

        self.candidates_list = QListWidget(ExcludeDialog)
        self.candidates_list.setObjectName(u"candidates_list")
        self.candidates_list.setMinimumSize(QSize(0, 220))

        self.dialog_layout.addWidget(self.candidates_list)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.reason_label = QLabel(ExcludeDialog)
        self.reason_label.setObjectName(u"reason_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason_combo = QComboBox(ExcludeDialog)
        self.reason_combo.setObjectName(u"reason_combo")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reason_combo)

        self.note_label = QLabel(ExcludeDialog)
        self.note_label.setObjectName(u"note_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note_edit = QLineEdit(ExcludeDialog)
        self.note_edit.setObjectName(u"note_edit")
        self.note_edit.setMaxLength(200)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.note_edit)

        self.note_error_label = ErrorLabel(ExcludeDialog)
        self.note_error_label.setObjectName(u"note_error_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.note_error_label)


        self.dialog_layout.addLayout(self.form_layout)

        self.general_error_label = ErrorLabel(ExcludeDialog)
        self.general_error_label.setObjectName(u"general_error_label")

        self.dialog_layout.addWidget(self.general_error_label)

        self.button_box = QDialogButtonBox(ExcludeDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.reason_label.setBuddy(self.reason_combo)
        self.note_label.setBuddy(self.note_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.candidates_list, self.reason_combo)
        QWidget.setTabOrder(self.reason_combo, self.note_edit)
        QWidget.setTabOrder(self.note_edit, self.button_box)

        self.retranslateUi(ExcludeDialog)

        QMetaObject.connectSlotsByName(ExcludeDialog)
    # setupUi

    def retranslateUi(self, ExcludeDialog):
        ExcludeDialog.setWindowTitle(QCoreApplication.translate("ExcludeDialog", u"Udelad beboere af rammen", None))
        self.reason_label.setText(QCoreApplication.translate("ExcludeDialog", u"\u00c5&rsag:", None))
        self.note_label.setText(QCoreApplication.translate("ExcludeDialog", u"&Bem\u00e6rkning:", None))
    # retranslateUi

