# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reason_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from tilsyn.ui.widgets.error_label import ErrorLabel

class Ui_ReasonDialog(object):
    def setupUi(self, ReasonDialog):
        if not ReasonDialog.objectName():
            ReasonDialog.setObjectName(u"ReasonDialog")
        ReasonDialog.resize(520, 300)
        self.main_layout = QVBoxLayout(ReasonDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.prompt_label = QLabel(ReasonDialog)
        self.prompt_label.setObjectName(u"prompt_label")
        self.prompt_label.setWordWrap(True)

        self.main_layout.addWidget(self.prompt_label)

        self.text_edit = QPlainTextEdit(ReasonDialog)
        self.text_edit.setObjectName(u"text_edit")
        self.text_edit.setTabChangesFocus(True)

        self.main_layout.addWidget(self.text_edit)

        self.error_label = ErrorLabel(ReasonDialog)
        self.error_label.setObjectName(u"error_label")

        self.main_layout.addWidget(self.error_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.buttons_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.ok_button = QPushButton(ReasonDialog)
        self.ok_button.setObjectName(u"ok_button")

        self.buttons_layout.addWidget(self.ok_button)

        self.cancel_button = QPushButton(ReasonDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.cancel_button)


        self.main_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.prompt_label.setBuddy(self.text_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.text_edit, self.ok_button)
        QWidget.setTabOrder(self.ok_button, self.cancel_button)

        self.retranslateUi(ReasonDialog)

        self.ok_button.setDefault(True)


        QMetaObject.connectSlotsByName(ReasonDialog)
    # setupUi

    def retranslateUi(self, ReasonDialog):
        ReasonDialog.setWindowTitle(QCoreApplication.translate("ReasonDialog", u"Begrundelse", None))
        self.prompt_label.setText("")
        self.ok_button.setText(QCoreApplication.translate("ReasonDialog", u"&Gem", None))
        self.cancel_button.setText(QCoreApplication.translate("ReasonDialog", u"Annuller", None))
    # retranslateUi

