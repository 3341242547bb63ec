# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'supervision_redraw_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

from tilsyn.ui.views.supervision_widgets import WrapLabel
from tilsyn.ui.widgets.date_edit import DanishDateEdit
from tilsyn.ui.widgets.error_label import ErrorLabel

class Ui_RedrawDialog(object):
    def setupUi(self, RedrawDialog):
        if not RedrawDialog.objectName():
            RedrawDialog.setObjectName(u"RedrawDialog")
        RedrawDialog.setMinimumSize(QSize(520, 0))
        self.dialog_layout = QVBoxLayout(RedrawDialog)
        self.dialog_layout.setSpacing(10)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.intro_label = WrapLabel(RedrawDialog)
        self.intro_label.setObjectName(u"intro_label")

        self.dialog_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.seed_label = QLabel(RedrawDialog)
        self.seed_label.setObjectName(u"seed_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.seed_label)

        self.seed_edit = QLineEdit(RedrawDialog)
        self.seed_edit.setObjectName(u"seed_edit")
        self.seed_edit.setMaxLength(40)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.seed_edit)

        self.seed_error_label = ErrorLabel(RedrawDialog)
        self.seed_error_label.setObjectName(u"seed_error_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.seed_error_label)

        self.reason_label = QLabel(RedrawDialog)
        self.reason_label.setObjectName(u"reason_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason_edit = QPlainTextEdit(RedrawDialog)
        self.reason_edit.setObjectName(u"reason_edit")
        self.reason_edit.setMaximumSize(QSize(16777215, 80))
        self.reason_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reason_edit)

        self.reason_error_label = ErrorLabel(RedrawDialog)
        self.reason_error_label.setObjectName(u"reason_error_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.reason_error_label)

        self.size_label = QLabel(RedrawDialog)
        self.size_label.setObjectName(u"size_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.size_label)

        self.size_spin = QSpinBox(RedrawDialog)
        self.size_spin.setObjectName(u"size_spin")
        self.size_spin.setMinimum(1)
        self.size_spin.setMaximum(50)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.size_spin)

        self.size_error_label = ErrorLabel(RedrawDialog)
        self.size_error_label.setObjectName(u"size_error_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.size_error_label)


        self.dialog_layout.addLayout(self.form_layout)

        self.general_error_label = ErrorLabel(RedrawDialog)
        self.general_error_label.setObjectName(u"general_error_label")

        self.dialog_layout.addWidget(self.general_error_label)

        self.button_box = QDialogButtonBox(RedrawDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.seed_label.setBuddy(self.seed_edit)
        self.reason_label.setBuddy(self.reason_edit)
        self.size_label.setBuddy(self.size_spin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.seed_edit, self.reason_edit)
        QWidget.setTabOrder(self.reason_edit, self.button_box)

        self.retranslateUi(RedrawDialog)

        QMetaObject.connectSlotsByName(RedrawDialog)
    # setupUi

    def retranslateUi(self, RedrawDialog):
        RedrawDialog.setWindowTitle(QCoreApplication.translate("RedrawDialog", u"Tr\u00e6k stikpr\u00f8ven om", None))
        self.intro_label.setText(QCoreApplication.translate("RedrawDialog", u"Hele stikpr\u00f8ven tr\u00e6kkes p\u00e5 ny med et nyt fr\u00f8. Den gamle udtr\u00e6kning gemmes og vises som erstattet, og begrundelsen logges.", None))
        self.seed_label.setText(QCoreApplication.translate("RedrawDialog", u"Nyt &fr\u00f8:", None))
        self.reason_label.setText(QCoreApplication.translate("RedrawDialog", u"&Begrundelse:", None))
        self.size_label.setText(QCoreApplication.translate("RedrawDialog", u"&Antal:", None))
    # retranslateUi

