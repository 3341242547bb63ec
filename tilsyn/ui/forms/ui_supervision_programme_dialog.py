# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'supervision_programme_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QSpinBox, QVBoxLayout, QWidget)

from tilsyn.ui.views.supervision_widgets import WrapLabel
from tilsyn.ui.widgets.date_edit import DanishDateEdit
from tilsyn.ui.widgets.error_label import ErrorLabel

class Ui_ProgrammeDialog(object):
    def setupUi(self, ProgrammeDialog):
        if not ProgrammeDialog.objectName():
            ProgrammeDialog.setObjectName(u"ProgrammeDialog")
        ProgrammeDialog.setMinimumSize(QSize(520, 0))
        self.dialog_layout = QVBoxLayout(ProgrammeDialog)
        self.dialog_layout.setSpacing(10)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.intro_label = WrapLabel(ProgrammeDialog)
        self.intro_label.setObjectName(u"intro_label")

        self.dialog_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.year_label = QLabel(ProgrammeDialog)
        self.year_label.setObjectName(u"year_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.year_label)

        self.year_value_label = QLabel(ProgrammeDialog)
        self.year_value_label.setObjectName(u"year_value_label")
        self.year_value_label.setStyleSheet(u"font-weight: 600;")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.year_value_label)

        self.theme_label = QLabel(ProgrammeDialog)
        self.theme_label.setObjectName(u"theme_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.theme_label)

        self.theme_combo = QComboBox(ProgrammeDialog)
        self.theme_combo.setObjectName(u"theme_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.theme_combo)

        self.total_label = QLabel(ProgrammeDialog)
        self.total_label.setObjectName(u"total_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.total_label)

        self.total_spin = QSpinBox(ProgrammeDialog)
        self.total_spin.setObjectName(u"total_spin")
        self.total_spin.setMinimum(1)
        self.total_spin.setMaximum(2000)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.total_spin)

        self.min_label = QLabel(ProgrammeDialog)
        self.min_label.setObjectName(u"min_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.min_label)

        self.min_spin = QSpinBox(ProgrammeDialog)
        self.min_spin.setObjectName(u"min_spin")
        self.min_spin.setMinimum(0)
        self.min_spin.setMaximum(100)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.min_spin)

        self.max_label = QLabel(ProgrammeDialog)
        self.max_label.setObjectName(u"max_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.max_label)

        self.max_spin = QSpinBox(ProgrammeDialog)
        self.max_spin.setObjectName(u"max_spin")
        self.max_spin.setMinimum(1)
        self.max_spin.setMaximum(100)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.max_spin)

        self.relatives_label = QLabel(ProgrammeDialog)
        self.relatives_label.setObjectName(u"relatives_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.relatives_label)

        self.relatives_spin = QSpinBox(ProgrammeDialog)
        self.relatives_spin.setObjectName(u"relatives_spin")
        self.relatives_spin.setMinimum(1)
        self.relatives_spin.setMaximum(20)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.relatives_spin)


        self.dialog_layout.addLayout(self.form_layout)

        self.plan_check_label = WrapLabel(ProgrammeDialog)
        self.plan_check_label.setObjectName(u"plan_check_label")

        self.dialog_layout.addWidget(self.plan_check_label)

        self.general_error_label = ErrorLabel(ProgrammeDialog)
        self.general_error_label.setObjectName(u"general_error_label")

        self.dialog_layout.addWidget(self.general_error_label)

        self.button_box = QDialogButtonBox(ProgrammeDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.theme_label.setBuddy(self.theme_combo)
        self.total_label.setBuddy(self.total_spin)
        self.min_label.setBuddy(self.min_spin)
        self.max_label.setBuddy(self.max_spin)
        self.relatives_label.setBuddy(self.relatives_spin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.theme_combo, self.total_spin)
        QWidget.setTabOrder(self.total_spin, self.min_spin)
        QWidget.setTabOrder(self.min_spin, self.max_spin)
        QWidget.setTabOrder(self.max_spin, self.relatives_spin)
        QWidget.setTabOrder(self.relatives_spin, self.button_box)

        self.retranslateUi(ProgrammeDialog)

        QMetaObject.connectSlotsByName(ProgrammeDialog)
    # setupUi

    def retranslateUi(self, ProgrammeDialog):
        ProgrammeDialog.setWindowTitle(QCoreApplication.translate("ProgrammeDialog", u"Tilsynsprogram", None))
        self.year_label.setText(QCoreApplication.translate("ProgrammeDialog", u"\u00c5r:", None))
        self.theme_label.setText(QCoreApplication.translate("ProgrammeDialog", u"&Tema for magtanvendelse:", None))
        self.total_label.setText(QCoreApplication.translate("ProgrammeDialog", u"Stikpr\u00f8ve i &alt:", None))
        self.total_spin.setSuffix(QCoreApplication.translate("ProgrammeDialog", u" beboere", None))
        self.min_label.setText(QCoreApplication.translate("ProgrammeDialog", u"&Mindst pr. plejecenter:", None))
        self.max_label.setText(QCoreApplication.translate("ProgrammeDialog", u"&H\u00f8jst pr. plejecenter:", None))
        self.relatives_label.setText(QCoreApplication.translate("ProgrammeDialog", u"&P\u00e5r\u00f8rende pr. plejecenter:", None))
    # retranslateUi

