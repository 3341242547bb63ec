# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'supervision_plan_dialog.ui'
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
    QListWidget, QListWidgetItem, QSizePolicy, QVBoxLayout,
    QWidget)

from tilsyn.ui.views.supervision_widgets import WrapLabel
from tilsyn.ui.widgets.date_edit import DanishDateEdit
from tilsyn.ui.widgets.error_label import ErrorLabel

class Ui_PlanVisitDialog(object):
    def setupUi(self, PlanVisitDialog):
        if not PlanVisitDialog.objectName():
            PlanVisitDialog.setObjectName(u"PlanVisitDialog")
        PlanVisitDialog.setMinimumSize(QSize(520, 0))
        self.dialog_layout = QVBoxLayout(PlanVisitDialog)
        self.dialog_layout.setSpacing(10)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.intro_label = WrapLabel(PlanVisitDialog)
        self.intro_label.setObjectName(u"intro_label")

        self.dialog_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.care_home_label = QLabel(PlanVisitDialog)
        self.care_home_label.setObjectName(u"care_home_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.care_home_label)

        self.care_home_combo = QComboBox(PlanVisitDialog)
        self.care_home_combo.setObjectName(u"care_home_combo")
        self.care_home_combo.setMaxVisibleItems(20)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.care_home_combo)

        self.due_label = WrapLabel(PlanVisitDialog)
        self.due_label.setObjectName(u"due_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.due_label)

        self.planned_on_label = QLabel(PlanVisitDialog)
        self.planned_on_label.setObjectName(u"planned_on_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.planned_on_label)

        self.planned_on_edit = DanishDateEdit(PlanVisitDialog)
        self.planned_on_edit.setObjectName(u"planned_on_edit")
        self.planned_on_edit.setMaximumSize(QSize(160, 16777215))

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.planned_on_edit)

        self.planned_on_error_label = ErrorLabel(PlanVisitDialog)
        self.planned_on_error_label.setObjectName(u"planned_on_error_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.planned_on_error_label)

        self.unannounced_check = QCheckBox(PlanVisitDialog)
        self.unannounced_check.setObjectName(u"unannounced_check")
        self.unannounced_check.setChecked(True)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.unannounced_check)

        self.consultants_label = QLabel(PlanVisitDialog)
        self.consultants_label.setObjectName(u"consultants_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.consultants_label)

        self.consultants_list = QListWidget(PlanVisitDialog)
        self.consultants_list.setObjectName(u"consultants_list")
        self.consultants_list.setMaximumSize(QSize(16777215, 110))

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.consultants_list)

        self.consultants_error_label = ErrorLabel(PlanVisitDialog)
        self.consultants_error_label.setObjectName(u"consultants_error_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.consultants_error_label)


        self.dialog_layout.addLayout(self.form_layout)

        self.general_error_label = ErrorLabel(PlanVisitDialog)
        self.general_error_label.setObjectName(u"general_error_label")

        self.dialog_layout.addWidget(self.general_error_label)

        self.button_box = QDialogButtonBox(PlanVisitDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.care_home_label.setBuddy(self.care_home_combo)
        self.planned_on_label.setBuddy(self.planned_on_edit)
        self.consultants_label.setBuddy(self.consultants_list)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.care_home_combo, self.planned_on_edit)
        QWidget.setTabOrder(self.planned_on_edit, self.unannounced_check)
        QWidget.setTabOrder(self.unannounced_check, self.consultants_list)
        QWidget.setTabOrder(self.consultants_list, self.button_box)

        self.retranslateUi(PlanVisitDialog)

        QMetaObject.connectSlotsByName(PlanVisitDialog)
    # setupUi

    def retranslateUi(self, PlanVisitDialog):
        PlanVisitDialog.setWindowTitle(QCoreApplication.translate("PlanVisitDialog", u"Planl\u00e6g tilsynsbes\u00f8g", None))
        self.intro_label.setText(QCoreApplication.translate("PlanVisitDialog", u"Bes\u00f8get planl\u00e6gges i det valgte \u00e5rs tilsynsprogram. Tilsynsbes\u00f8g er som udgangspunkt uanmeldte.", None))
        self.care_home_label.setText(QCoreApplication.translate("PlanVisitDialog", u"&Plejecenter:", None))
        self.planned_on_label.setText(QCoreApplication.translate("PlanVisitDialog", u"&Dato:", None))
        self.unannounced_check.setText(QCoreApplication.translate("PlanVisitDialog", u"&Uanmeldt bes\u00f8g", None))
        self.consultants_label.setText(QCoreApplication.translate("PlanVisitDialog", u"&Konsulenter:", None))
    # retranslateUi

