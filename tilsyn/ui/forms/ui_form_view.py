# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'form_view.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QFrame, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QRadioButton, QScrollArea, QSizePolicy,
    QSpacerItem, QTextBrowser, QVBoxLayout, QWidget)

from tilsyn.ui.widgets.date_edit import DanishDateEdit
from tilsyn.ui.widgets.error_label import ErrorLabel

class Ui_FormView(object):
    def setupUi(self, FormView):
        if not FormView.objectName():
            FormView.setObjectName(u"FormView")
        FormView.resize(980, 860)
        self.main_layout = QVBoxLayout(FormView)
        self.main_layout.setObjectName(u"main_layout")
        self.title_layout = QHBoxLayout()
        self.title_layout.setObjectName(u"title_layout")
        self.title_label = QLabel(FormView)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setStyleSheet(u"font-size: 14pt; font-weight: 600;")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.title_label.sizePolicy().hasHeightForWidth())
        self.title_label.setSizePolicy(sizePolicy)
        self.title_label.setWordWrap(True)

        self.title_layout.addWidget(self.title_label)

        self.status_label = QLabel(FormView)
        self.status_label.setObjectName(u"status_label")

        self.title_layout.addWidget(self.status_label)


        self.main_layout.addLayout(self.title_layout)

        self.meta_label = QLabel(FormView)
        self.meta_label.setObjectName(u"meta_label")
        self.meta_label.setWordWrap(True)
        self.meta_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.meta_label)

        self.returned_label = QLabel(FormView)
        self.returned_label.setObjectName(u"returned_label")
        self.returned_label.setWordWrap(True)
        self.returned_label.setStyleSheet(u"QLabel { background: #fff4e5; border: 1px solid #e0a040; border-radius: 4px; padding: 6px 8px; }")
        self.returned_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.returned_label)

        self.must_sign_label = QLabel(FormView)
        self.must_sign_label.setObjectName(u"must_sign_label")
        self.must_sign_label.setWordWrap(True)
        self.must_sign_label.setStyleSheet(u"QLabel { background: #fdecea; border: 1px solid #d9534f; border-radius: 4px; padding: 6px 8px; }")

        self.main_layout.addWidget(self.must_sign_label)

        self.scroll_area = QScrollArea(FormView)
        self.scroll_area.setObjectName(u"scroll_area")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_contents = QWidget()
        self.scroll_contents.setObjectName(u"scroll_contents")
        self.scroll_layout = QVBoxLayout(self.scroll_contents)
        self.scroll_layout.setSpacing(12)
        self.scroll_layout.setObjectName(u"scroll_layout")
        self.section1_group = QGroupBox(self.scroll_contents)
        self.section1_group.setObjectName(u"section1_group")
        self.section1_layout = QVBoxLayout(self.section1_group)
        self.section1_layout.setObjectName(u"section1_layout")
        self.section1_note_label = QLabel(self.section1_group)
        self.section1_note_label.setObjectName(u"section1_note_label")
        self.section1_note_label.setStyleSheet(u"color: palette(placeholder-text);")

        self.section1_layout.addWidget(self.section1_note_label)

        self.resident_form = QFormLayout()
        self.resident_form.setObjectName(u"resident_form")
        self.resident_form.setHorizontalSpacing(12)
        self.resident_form.setVerticalSpacing(4)
        self.cpr_label = QLabel(self.section1_group)
        self.cpr_label.setObjectName(u"cpr_label")

        self.resident_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.cpr_label)

        self.cpr_value = QLabel(self.section1_group)
        self.cpr_value.setObjectName(u"cpr_value")
        self.cpr_value.setWordWrap(True)
        self.cpr_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.resident_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.cpr_value)

        self.name_label = QLabel(self.section1_group)
        self.name_label.setObjectName(u"name_label")

        self.resident_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_value = QLabel(self.section1_group)
        self.name_value.setObjectName(u"name_value")
        self.name_value.setWordWrap(True)
        self.name_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.resident_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name_value)

        self.address_label = QLabel(self.section1_group)
        self.address_label.setObjectName(u"address_label")

        self.resident_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.address_label)

        self.address_value = QLabel(self.section1_group)
        self.address_value.setObjectName(u"address_value")
        self.address_value.setWordWrap(True)
        self.address_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.resident_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.address_value)

        self.center_label = QLabel(self.section1_group)
        self.center_label.setObjectName(u"center_label")

        self.resident_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.center_label)

        self.center_value = QLabel(self.section1_group)
        self.center_value.setObjectName(u"center_value")
        self.center_value.setWordWrap(True)
        self.center_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.resident_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.center_value)

        self.acting_label = QLabel(self.section1_group)
        self.acting_label.setObjectName(u"acting_label")

        self.resident_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.acting_label)

        self.acting_value = QLabel(self.section1_group)
        self.acting_value.setObjectName(u"acting_value")
        self.acting_value.setWordWrap(True)
        self.acting_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.resident_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.acting_value)

        self.residence_label = QLabel(self.section1_group)
        self.residence_label.setObjectName(u"residence_label")

        self.resident_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.residence_label)

        self.residence_value = QLabel(self.section1_group)
        self.residence_value.setObjectName(u"residence_value")
        self.residence_value.setWordWrap(True)
        self.residence_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.resident_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.residence_value)

        self.contact_label = QLabel(self.section1_group)
        self.contact_label.setObjectName(u"contact_label")

        self.resident_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.contact_label)

        self.contact_value = QLabel(self.section1_group)
        self.contact_value.setObjectName(u"contact_value")
        self.contact_value.setWordWrap(True)
        self.contact_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.resident_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.contact_value)


        self.section1_layout.addLayout(self.resident_form)

        self.permits_heading_label = QLabel(self.section1_group)
        self.permits_heading_label.setObjectName(u"permits_heading_label")
        self.permits_heading_label.setStyleSheet(u"font-weight: 600;")

        self.section1_layout.addWidget(self.permits_heading_label)

        self.permits_value = QLabel(self.section1_group)
        self.permits_value.setObjectName(u"permits_value")
        self.permits_value.setWordWrap(True)
        self.permits_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.section1_layout.addWidget(self.permits_value)


        self.scroll_layout.addWidget(self.section1_group)

        self.section2_group = QGroupBox(self.scroll_contents)
        self.section2_group.setObjectName(u"section2_group")
        self.section2_layout = QVBoxLayout(self.section2_group)
        self.section2_layout.setSpacing(6)
        self.section2_layout.setObjectName(u"section2_layout")
        self.section2_note_label = QLabel(self.section2_group)
        self.section2_note_label.setObjectName(u"section2_note_label")
        self.section2_note_label.setStyleSheet(u"color: palette(placeholder-text);")

        self.section2_layout.addWidget(self.section2_note_label)

        self.month_value = QLabel(self.section2_group)
        self.month_value.setObjectName(u"month_value")
        self.month_value.setStyleSheet(u"font-weight: 600;")

        self.section2_layout.addWidget(self.month_value)

        self.not_covered_value = QLabel(self.section2_group)
        self.not_covered_value.setObjectName(u"not_covered_value")
        self.not_covered_value.setWordWrap(True)
        self.not_covered_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.section2_layout.addWidget(self.not_covered_value)

        self.episodes_browser = QTextBrowser(self.section2_group)
        self.episodes_browser.setObjectName(u"episodes_browser")
        self.episodes_browser.setOpenLinks(False)
        self.episodes_browser.setMinimumSize(QSize(0, 220))

        self.section2_layout.addWidget(self.episodes_browser)

        self.signature2_layout = QHBoxLayout()
        self.signature2_layout.setSpacing(8)
        self.signature2_layout.setObjectName(u"signature2_layout")
        self.signature2_label = QLabel(self.section2_group)
        self.signature2_label.setObjectName(u"signature2_label")
        self.signature2_label.setWordWrap(True)
        self.signature2_label.setStyleSheet(u"QLabel { background: palette(alternate-base); border: 1px solid palette(mid); border-radius: 3px; padding: 4px 6px; }")
        sizePolicy.setHeightForWidth(self.signature2_label.sizePolicy().hasHeightForWidth())
        self.signature2_label.setSizePolicy(sizePolicy)
        self.signature2_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.signature2_layout.addWidget(self.signature2_label)

        self.sign2_button = QPushButton(self.section2_group)
        self.sign2_button.setObjectName(u"sign2_button")
        self.sign2_button.setAutoDefault(False)

        self.signature2_layout.addWidget(self.sign2_button)


        self.section2_layout.addLayout(self.signature2_layout)


        self.scroll_layout.addWidget(self.section2_group)

        self.section3_group = QGroupBox(self.scroll_contents)
        self.section3_group.setObjectName(u"section3_group")
        self.section3_layout = QVBoxLayout(self.section3_group)
        self.section3_layout.setSpacing(8)
        self.section3_layout.setObjectName(u"section3_layout")
        self.section3_note_label = QLabel(self.section3_group)
        self.section3_note_label.setObjectName(u"section3_note_label")
        self.section3_note_label.setStyleSheet(u"color: palette(placeholder-text);")

        self.section3_layout.addWidget(self.section3_note_label)

        self.necessity_layout = QVBoxLayout()
        self.necessity_layout.setSpacing(2)
        self.necessity_layout.setObjectName(u"necessity_layout")
        self.necessity_label = QLabel(self.section3_group)
        self.necessity_label.setObjectName(u"necessity_label")
        self.necessity_label.setWordWrap(True)

        self.necessity_layout.addWidget(self.necessity_label)

        self.necessity_edit = QPlainTextEdit(self.section3_group)
        self.necessity_edit.setObjectName(u"necessity_edit")
        self.necessity_edit.setTabChangesFocus(True)
        self.necessity_edit.setMaximumSize(QSize(16777215, 64))
        self.necessity_edit.setMinimumSize(QSize(0, 44))

        self.necessity_layout.addWidget(self.necessity_edit)

        self.necessity_error_label = ErrorLabel(self.section3_group)
        self.necessity_error_label.setObjectName(u"necessity_error_label")

        self.necessity_layout.addWidget(self.necessity_error_label)


        self.section3_layout.addLayout(self.necessity_layout)

        self.reflection_layout = QVBoxLayout()
        self.reflection_layout.setSpacing(2)
        self.reflection_layout.setObjectName(u"reflection_layout")
        self.reflection_label = QLabel(self.section3_group)
        self.reflection_label.setObjectName(u"reflection_label")
        self.reflection_label.setWordWrap(True)

        self.reflection_layout.addWidget(self.reflection_label)

        self.reflection_edit = QPlainTextEdit(self.section3_group)
        self.reflection_edit.setObjectName(u"reflection_edit")
        self.reflection_edit.setTabChangesFocus(True)
        self.reflection_edit.setMaximumSize(QSize(16777215, 64))
        self.reflection_edit.setMinimumSize(QSize(0, 44))

        self.reflection_layout.addWidget(self.reflection_edit)

        self.reflection_error_label = ErrorLabel(self.section3_group)
        self.reflection_error_label.setObjectName(u"reflection_error_label")

        self.reflection_layout.addWidget(self.reflection_error_label)


        self.section3_layout.addLayout(self.reflection_layout)

        self.action_plan_updated_layout = QVBoxLayout()
        self.action_plan_updated_layout.setSpacing(2)
        self.action_plan_updated_layout.setObjectName(u"action_plan_updated_layout")
        self.action_plan_updated_label = QLabel(self.section3_group)
        self.action_plan_updated_label.setObjectName(u"action_plan_updated_label")
        self.action_plan_updated_label.setWordWrap(True)

        self.action_plan_updated_layout.addWidget(self.action_plan_updated_label)

        self.action_plan_updated_edit = QLineEdit(self.section3_group)
        self.action_plan_updated_edit.setObjectName(u"action_plan_updated_edit")

        self.action_plan_updated_layout.addWidget(self.action_plan_updated_edit)

        self.action_plan_updated_error_label = ErrorLabel(self.section3_group)
        self.action_plan_updated_error_label.setObjectName(u"action_plan_updated_error_label")

        self.action_plan_updated_layout.addWidget(self.action_plan_updated_error_label)


        self.section3_layout.addLayout(self.action_plan_updated_layout)

        self.discussed_in_staff_group_layout = QVBoxLayout()
        self.discussed_in_staff_group_layout.setSpacing(2)
        self.discussed_in_staff_group_layout.setObjectName(u"discussed_in_staff_group_layout")
        self.discussed_in_staff_group_label = QLabel(self.section3_group)
        self.discussed_in_staff_group_label.setObjectName(u"discussed_in_staff_group_label")
        self.discussed_in_staff_group_label.setWordWrap(True)

        self.discussed_in_staff_group_layout.addWidget(self.discussed_in_staff_group_label)

        self.discussed_in_staff_group_radio_layout = QHBoxLayout()
        self.discussed_in_staff_group_radio_layout.setSpacing(16)
        self.discussed_in_staff_group_radio_layout.setObjectName(u"discussed_in_staff_group_radio_layout")
        self.discussed_in_staff_group_yes_radio = QRadioButton(self.section3_group)
        self.discussed_in_staff_group_yes_radio.setObjectName(u"discussed_in_staff_group_yes_radio")

        self.discussed_in_staff_group_radio_layout.addWidget(self.discussed_in_staff_group_yes_radio)

        self.discussed_in_staff_group_no_radio = QRadioButton(self.section3_group)
        self.discussed_in_staff_group_no_radio.setObjectName(u"discussed_in_staff_group_no_radio")

        self.discussed_in_staff_group_radio_layout.addWidget(self.discussed_in_staff_group_no_radio)

        self.discussed_in_staff_group_radio_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.discussed_in_staff_group_radio_layout.addItem(self.discussed_in_staff_group_radio_spacer)


        self.discussed_in_staff_group_layout.addLayout(self.discussed_in_staff_group_radio_layout)

        self.discussed_in_staff_group_error_label = ErrorLabel(self.section3_group)
        self.discussed_in_staff_group_error_label.setObjectName(u"discussed_in_staff_group_error_label")

        self.discussed_in_staff_group_layout.addWidget(self.discussed_in_staff_group_error_label)


        self.section3_layout.addLayout(self.discussed_in_staff_group_layout)

        self.discussed_when_layout = QVBoxLayout()
        self.discussed_when_layout.setSpacing(2)
        self.discussed_when_layout.setObjectName(u"discussed_when_layout")
        self.discussed_when_label = QLabel(self.section3_group)
        self.discussed_when_label.setObjectName(u"discussed_when_label")
        self.discussed_when_label.setWordWrap(True)

        self.discussed_when_layout.addWidget(self.discussed_when_label)

        self.discussed_when_edit = QLineEdit(self.section3_group)
        self.discussed_when_edit.setObjectName(u"discussed_when_edit")

        self.discussed_when_layout.addWidget(self.discussed_when_edit)

        self.discussed_when_error_label = ErrorLabel(self.section3_group)
        self.discussed_when_error_label.setObjectName(u"discussed_when_error_label")

        self.discussed_when_layout.addWidget(self.discussed_when_error_label)


        self.section3_layout.addLayout(self.discussed_when_layout)

        self.discussion_plans_layout = QVBoxLayout()
        self.discussion_plans_layout.setSpacing(2)
        self.discussion_plans_layout.setObjectName(u"discussion_plans_layout")
        self.discussion_plans_label = QLabel(self.section3_group)
        self.discussion_plans_label.setObjectName(u"discussion_plans_label")
        self.discussion_plans_label.setWordWrap(True)

        self.discussion_plans_layout.addWidget(self.discussion_plans_label)

        self.discussion_plans_edit = QPlainTextEdit(self.section3_group)
        self.discussion_plans_edit.setObjectName(u"discussion_plans_edit")
        self.discussion_plans_edit.setTabChangesFocus(True)
        self.discussion_plans_edit.setMaximumSize(QSize(16777215, 52))
        self.discussion_plans_edit.setMinimumSize(QSize(0, 44))

        self.discussion_plans_layout.addWidget(self.discussion_plans_edit)

        self.discussion_plans_error_label = ErrorLabel(self.section3_group)
        self.discussion_plans_error_label.setObjectName(u"discussion_plans_error_label")

        self.discussion_plans_layout.addWidget(self.discussion_plans_error_label)


        self.section3_layout.addLayout(self.discussion_plans_layout)

        self.action_plan_exists_layout = QVBoxLayout()
        self.action_plan_exists_layout.setSpacing(2)
        self.action_plan_exists_layout.setObjectName(u"action_plan_exists_layout")
        self.action_plan_exists_label = QLabel(self.section3_group)
        self.action_plan_exists_label.setObjectName(u"action_plan_exists_label")
        self.action_plan_exists_label.setWordWrap(True)

        self.action_plan_exists_layout.addWidget(self.action_plan_exists_label)

        self.action_plan_exists_radio_layout = QHBoxLayout()
        self.action_plan_exists_radio_layout.setSpacing(16)
        self.action_plan_exists_radio_layout.setObjectName(u"action_plan_exists_radio_layout")
        self.action_plan_exists_yes_radio = QRadioButton(self.section3_group)
        self.action_plan_exists_yes_radio.setObjectName(u"action_plan_exists_yes_radio")

        self.action_plan_exists_radio_layout.addWidget(self.action_plan_exists_yes_radio)

        self.action_plan_exists_no_radio = QRadioButton(self.section3_group)
        self.action_plan_exists_no_radio.setObjectName(u"action_plan_exists_no_radio")

        self.action_plan_exists_radio_layout.addWidget(self.action_plan_exists_no_radio)

        self.action_plan_exists_radio_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.action_plan_exists_radio_layout.addItem(self.action_plan_exists_radio_spacer)


        self.action_plan_exists_layout.addLayout(self.action_plan_exists_radio_layout)

        self.action_plan_exists_note_label = QLabel(self.section3_group)
        self.action_plan_exists_note_label.setObjectName(u"action_plan_exists_note_label")
        self.action_plan_exists_note_label.setStyleSheet(u"color: palette(placeholder-text);")
        self.action_plan_exists_note_label.setWordWrap(True)

        self.action_plan_exists_layout.addWidget(self.action_plan_exists_note_label)

        self.action_plan_exists_error_label = ErrorLabel(self.section3_group)
        self.action_plan_exists_error_label.setObjectName(u"action_plan_exists_error_label")

        self.action_plan_exists_layout.addWidget(self.action_plan_exists_error_label)


        self.section3_layout.addLayout(self.action_plan_exists_layout)

        self.other_layout = QVBoxLayout()
        self.other_layout.setSpacing(2)
        self.other_layout.setObjectName(u"other_layout")
        self.other_label = QLabel(self.section3_group)
        self.other_label.setObjectName(u"other_label")
        self.other_label.setWordWrap(True)

        self.other_layout.addWidget(self.other_label)

        self.other_edit = QPlainTextEdit(self.section3_group)
        self.other_edit.setObjectName(u"other_edit")
        self.other_edit.setTabChangesFocus(True)
        self.other_edit.setMaximumSize(QSize(16777215, 52))
        self.other_edit.setMinimumSize(QSize(0, 44))

        self.other_layout.addWidget(self.other_edit)

        self.other_error_label = ErrorLabel(self.section3_group)
        self.other_error_label.setObjectName(u"other_error_label")

        self.other_layout.addWidget(self.other_error_label)


        self.section3_layout.addLayout(self.other_layout)

        self.leader_name_date_label = QLabel(self.section3_group)
        self.leader_name_date_label.setObjectName(u"leader_name_date_label")
        self.leader_name_date_label.setWordWrap(True)

        self.section3_layout.addWidget(self.leader_name_date_label)

        self.leader_name_date_layout = QHBoxLayout()
        self.leader_name_date_layout.setSpacing(8)
        self.leader_name_date_layout.setObjectName(u"leader_name_date_layout")
        self.leader_name_edit = QLineEdit(self.section3_group)
        self.leader_name_edit.setObjectName(u"leader_name_edit")

        self.leader_name_date_layout.addWidget(self.leader_name_edit)

        self.assessed_on_edit = DanishDateEdit(self.section3_group)
        self.assessed_on_edit.setObjectName(u"assessed_on_edit")
        self.assessed_on_edit.setMaximumSize(QSize(150, 16777215))

        self.leader_name_date_layout.addWidget(self.assessed_on_edit)


        self.section3_layout.addLayout(self.leader_name_date_layout)

        self.leader_name_error_label = ErrorLabel(self.section3_group)
        self.leader_name_error_label.setObjectName(u"leader_name_error_label")

        self.section3_layout.addWidget(self.leader_name_error_label)

        self.assessed_on_error_label = ErrorLabel(self.section3_group)
        self.assessed_on_error_label.setObjectName(u"assessed_on_error_label")

        self.section3_layout.addWidget(self.assessed_on_error_label)

        self.signature3_layout = QHBoxLayout()
        self.signature3_layout.setSpacing(8)
        self.signature3_layout.setObjectName(u"signature3_layout")
        self.signature3_label = QLabel(self.section3_group)
        self.signature3_label.setObjectName(u"signature3_label")
        self.signature3_label.setWordWrap(True)
        self.signature3_label.setStyleSheet(u"QLabel { background: palette(alternate-base); border: 1px solid palette(mid); border-radius: 3px; padding: 4px 6px; }")
        sizePolicy.setHeightForWidth(self.signature3_label.sizePolicy().hasHeightForWidth())
        self.signature3_label.setSizePolicy(sizePolicy)
        self.signature3_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.signature3_layout.addWidget(self.signature3_label)

        self.save3_button = QPushButton(self.section3_group)
        self.save3_button.setObjectName(u"save3_button")
        self.save3_button.setAutoDefault(False)

        self.signature3_layout.addWidget(self.save3_button)

        self.sign3_button = QPushButton(self.section3_group)
        self.sign3_button.setObjectName(u"sign3_button")
        self.sign3_button.setAutoDefault(False)

        self.signature3_layout.addWidget(self.sign3_button)

        self.send_button = QPushButton(self.section3_group)
        self.send_button.setObjectName(u"send_button")
        self.send_button.setAutoDefault(False)

        self.signature3_layout.addWidget(self.send_button)


        self.section3_layout.addLayout(self.signature3_layout)


        self.scroll_layout.addWidget(self.section3_group)

        self.section4_group = QGroupBox(self.scroll_contents)
        self.section4_group.setObjectName(u"section4_group")
        self.section4_layout = QVBoxLayout(self.section4_group)
        self.section4_layout.setSpacing(8)
        self.section4_layout.setObjectName(u"section4_layout")
        self.section4_note_label = QLabel(self.section4_group)
        self.section4_note_label.setObjectName(u"section4_note_label")
        self.section4_note_label.setStyleSheet(u"color: palette(placeholder-text);")

        self.section4_layout.addWidget(self.section4_note_label)

        self.followup_remarks_layout = QVBoxLayout()
        self.followup_remarks_layout.setSpacing(2)
        self.followup_remarks_layout.setObjectName(u"followup_remarks_layout")
        self.followup_remarks_label = QLabel(self.section4_group)
        self.followup_remarks_label.setObjectName(u"followup_remarks_label")
        self.followup_remarks_label.setWordWrap(True)

        self.followup_remarks_layout.addWidget(self.followup_remarks_label)

        self.followup_remarks_edit = QPlainTextEdit(self.section4_group)
        self.followup_remarks_edit.setObjectName(u"followup_remarks_edit")
        self.followup_remarks_edit.setTabChangesFocus(True)
        self.followup_remarks_edit.setMaximumSize(QSize(16777215, 64))
        self.followup_remarks_edit.setMinimumSize(QSize(0, 44))

        self.followup_remarks_layout.addWidget(self.followup_remarks_edit)

        self.followup_remarks_error_label = ErrorLabel(self.section4_group)
        self.followup_remarks_error_label.setObjectName(u"followup_remarks_error_label")

        self.followup_remarks_layout.addWidget(self.followup_remarks_error_label)


        self.section4_layout.addLayout(self.followup_remarks_layout)

        self.residence_municipality_informed_layout = QVBoxLayout()
        self.residence_municipality_informed_layout.setSpacing(2)
        self.residence_municipality_informed_layout.setObjectName(u"residence_municipality_informed_layout")
        self.residence_municipality_informed_label = QLabel(self.section4_group)
        self.residence_municipality_informed_label.setObjectName(u"residence_municipality_informed_label")
        self.residence_municipality_informed_label.setWordWrap(True)

        self.residence_municipality_informed_layout.addWidget(self.residence_municipality_informed_label)

        self.residence_municipality_informed_radio_layout = QHBoxLayout()
        self.residence_municipality_informed_radio_layout.setSpacing(16)
        self.residence_municipality_informed_radio_layout.setObjectName(u"residence_municipality_informed_radio_layout")
        self.residence_municipality_informed_yes_radio = QRadioButton(self.section4_group)
        self.residence_municipality_informed_yes_radio.setObjectName(u"residence_municipality_informed_yes_radio")

        self.residence_municipality_informed_radio_layout.addWidget(self.residence_municipality_informed_yes_radio)

        self.residence_municipality_informed_no_radio = QRadioButton(self.section4_group)
        self.residence_municipality_informed_no_radio.setObjectName(u"residence_municipality_informed_no_radio")

        self.residence_municipality_informed_radio_layout.addWidget(self.residence_municipality_informed_no_radio)

        self.residence_municipality_informed_radio_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.residence_municipality_informed_radio_layout.addItem(self.residence_municipality_informed_radio_spacer)


        self.residence_municipality_informed_layout.addLayout(self.residence_municipality_informed_radio_layout)

        self.residence_municipality_informed_error_label = ErrorLabel(self.section4_group)
        self.residence_municipality_informed_error_label.setObjectName(u"residence_municipality_informed_error_label")

        self.residence_municipality_informed_layout.addWidget(self.residence_municipality_informed_error_label)


        self.section4_layout.addLayout(self.residence_municipality_informed_layout)

        self.acting_municipality_informed_layout = QVBoxLayout()
        self.acting_municipality_informed_layout.setSpacing(2)
        self.acting_municipality_informed_layout.setObjectName(u"acting_municipality_informed_layout")
        self.acting_municipality_informed_label = QLabel(self.section4_group)
        self.acting_municipality_informed_label.setObjectName(u"acting_municipality_informed_label")
        self.acting_municipality_informed_label.setWordWrap(True)

        self.acting_municipality_informed_layout.addWidget(self.acting_municipality_informed_label)

        self.acting_municipality_informed_radio_layout = QHBoxLayout()
        self.acting_municipality_informed_radio_layout.setSpacing(16)
        self.acting_municipality_informed_radio_layout.setObjectName(u"acting_municipality_informed_radio_layout")
        self.acting_municipality_informed_yes_radio = QRadioButton(self.section4_group)
        self.acting_municipality_informed_yes_radio.setObjectName(u"acting_municipality_informed_yes_radio")

        self.acting_municipality_informed_radio_layout.addWidget(self.acting_municipality_informed_yes_radio)

        self.acting_municipality_informed_no_radio = QRadioButton(self.section4_group)
        self.acting_municipality_informed_no_radio.setObjectName(u"acting_municipality_informed_no_radio")

        self.acting_municipality_informed_radio_layout.addWidget(self.acting_municipality_informed_no_radio)

        self.acting_municipality_informed_radio_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.acting_municipality_informed_radio_layout.addItem(self.acting_municipality_informed_radio_spacer)


        self.acting_municipality_informed_layout.addLayout(self.acting_municipality_informed_radio_layout)

        self.acting_municipality_informed_error_label = ErrorLabel(self.section4_group)
        self.acting_municipality_informed_error_label.setObjectName(u"acting_municipality_informed_error_label")

        self.acting_municipality_informed_layout.addWidget(self.acting_municipality_informed_error_label)


        self.section4_layout.addLayout(self.acting_municipality_informed_layout)

        self.processed_by_label = QLabel(self.section4_group)
        self.processed_by_label.setObjectName(u"processed_by_label")
        self.processed_by_label.setWordWrap(True)

        self.section4_layout.addWidget(self.processed_by_label)

        self.processed_by_layout = QHBoxLayout()
        self.processed_by_layout.setSpacing(8)
        self.processed_by_layout.setObjectName(u"processed_by_layout")
        self.processed_by_name_edit = QLineEdit(self.section4_group)
        self.processed_by_name_edit.setObjectName(u"processed_by_name_edit")

        self.processed_by_layout.addWidget(self.processed_by_name_edit)

        self.processed_by_position_edit = QLineEdit(self.section4_group)
        self.processed_by_position_edit.setObjectName(u"processed_by_position_edit")

        self.processed_by_layout.addWidget(self.processed_by_position_edit)

        self.processed_by_municipality_edit = QLineEdit(self.section4_group)
        self.processed_by_municipality_edit.setObjectName(u"processed_by_municipality_edit")

        self.processed_by_layout.addWidget(self.processed_by_municipality_edit)

        self.processed_on_edit = DanishDateEdit(self.section4_group)
        self.processed_on_edit.setObjectName(u"processed_on_edit")
        self.processed_on_edit.setMaximumSize(QSize(150, 16777215))

        self.processed_by_layout.addWidget(self.processed_on_edit)


        self.section4_layout.addLayout(self.processed_by_layout)

        self.processed_by_name_error_label = ErrorLabel(self.section4_group)
        self.processed_by_name_error_label.setObjectName(u"processed_by_name_error_label")

        self.section4_layout.addWidget(self.processed_by_name_error_label)

        self.processed_by_position_error_label = ErrorLabel(self.section4_group)
        self.processed_by_position_error_label.setObjectName(u"processed_by_position_error_label")

        self.section4_layout.addWidget(self.processed_by_position_error_label)

        self.processed_by_municipality_error_label = ErrorLabel(self.section4_group)
        self.processed_by_municipality_error_label.setObjectName(u"processed_by_municipality_error_label")

        self.section4_layout.addWidget(self.processed_by_municipality_error_label)

        self.processed_on_error_label = ErrorLabel(self.section4_group)
        self.processed_on_error_label.setObjectName(u"processed_on_error_label")

        self.section4_layout.addWidget(self.processed_on_error_label)

        self.signature4_layout = QHBoxLayout()
        self.signature4_layout.setSpacing(8)
        self.signature4_layout.setObjectName(u"signature4_layout")
        self.signature4_label = QLabel(self.section4_group)
        self.signature4_label.setObjectName(u"signature4_label")
        self.signature4_label.setWordWrap(True)
        self.signature4_label.setStyleSheet(u"QLabel { background: palette(alternate-base); border: 1px solid palette(mid); border-radius: 3px; padding: 4px 6px; }")
        sizePolicy.setHeightForWidth(self.signature4_label.sizePolicy().hasHeightForWidth())
        self.signature4_label.setSizePolicy(sizePolicy)
        self.signature4_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.signature4_layout.addWidget(self.signature4_label)

        self.save4_button = QPushButton(self.section4_group)
        self.save4_button.setObjectName(u"save4_button")
        self.save4_button.setAutoDefault(False)

        self.signature4_layout.addWidget(self.save4_button)

        self.sign4_button = QPushButton(self.section4_group)
        self.sign4_button.setObjectName(u"sign4_button")
        self.sign4_button.setAutoDefault(False)

        self.signature4_layout.addWidget(self.sign4_button)

        self.send_back_button = QPushButton(self.section4_group)
        self.send_back_button.setObjectName(u"send_back_button")
        self.send_back_button.setAutoDefault(False)

        self.signature4_layout.addWidget(self.send_back_button)


        self.section4_layout.addLayout(self.signature4_layout)


        self.scroll_layout.addWidget(self.section4_group)

        self.scroll_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.scroll_layout.addItem(self.scroll_spacer)

        self.scroll_area.setWidget(self.scroll_contents)

        self.main_layout.addWidget(self.scroll_area)

        self.form_error_label = ErrorLabel(FormView)
        self.form_error_label.setObjectName(u"form_error_label")

        self.main_layout.addWidget(self.form_error_label)

#if QT_CONFIG(shortcut)
        self.necessity_label.setBuddy(self.necessity_edit)
        self.reflection_label.setBuddy(self.reflection_edit)
        self.action_plan_updated_label.setBuddy(self.action_plan_updated_edit)
        self.discussed_when_label.setBuddy(self.discussed_when_edit)
        self.discussion_plans_label.setBuddy(self.discussion_plans_edit)
        self.other_label.setBuddy(self.other_edit)
        self.followup_remarks_label.setBuddy(self.followup_remarks_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.episodes_browser, self.sign2_button)
        QWidget.setTabOrder(self.sign2_button, self.necessity_edit)
        QWidget.setTabOrder(self.necessity_edit, self.reflection_edit)
        QWidget.setTabOrder(self.reflection_edit, self.action_plan_updated_edit)
        QWidget.setTabOrder(self.action_plan_updated_edit, self.discussed_in_staff_group_yes_radio)
        QWidget.setTabOrder(self.discussed_in_staff_group_yes_radio, self.discussed_in_staff_group_no_radio)
        QWidget.setTabOrder(self.discussed_in_staff_group_no_radio, self.discussed_when_edit)
        QWidget.setTabOrder(self.discussed_when_edit, self.discussion_plans_edit)
        QWidget.setTabOrder(self.discussion_plans_edit, self.action_plan_exists_yes_radio)
        QWidget.setTabOrder(self.action_plan_exists_yes_radio, self.action_plan_exists_no_radio)
        QWidget.setTabOrder(self.action_plan_exists_no_radio, self.other_edit)
        QWidget.setTabOrder(self.other_edit, self.leader_name_edit)
        QWidget.setTabOrder(self.leader_name_edit, self.assessed_on_edit)
        QWidget.setTabOrder(self.assessed_on_edit, self.save3_button)
        QWidget.setTabOrder(self.save3_button, self.sign3_button)
        QWidget.setTabOrder(self.sign3_button, self.send_button)
        QWidget.setTabOrder(self.send_button, self.followup_remarks_edit)
        QWidget.setTabOrder(self.followup_remarks_edit, self.residence_municipality_informed_yes_radio)
        QWidget.setTabOrder(self.residence_municipality_informed_yes_radio, self.residence_municipality_informed_no_radio)
        QWidget.setTabOrder(self.residence_municipality_informed_no_radio, self.acting_municipality_informed_yes_radio)
        QWidget.setTabOrder(self.acting_municipality_informed_yes_radio, self.acting_municipality_informed_no_radio)
        QWidget.setTabOrder(self.acting_municipality_informed_no_radio, self.processed_by_name_edit)
        QWidget.setTabOrder(self.processed_by_name_edit, self.processed_by_position_edit)
        QWidget.setTabOrder(self.processed_by_position_edit, self.processed_by_municipality_edit)
        QWidget.setTabOrder(self.processed_by_municipality_edit, self.processed_on_edit)
        QWidget.setTabOrder(self.processed_on_edit, self.save4_button)
        QWidget.setTabOrder(self.save4_button, self.sign4_button)
        QWidget.setTabOrder(self.sign4_button, self.send_back_button)

        self.retranslateUi(FormView)

        QMetaObject.connectSlotsByName(FormView)
    # setupUi

    def retranslateUi(self, FormView):
        self.title_label.setText(QCoreApplication.translate("FormView", u"M\u00e5nedsskema", None))
        self.status_label.setText("")
        self.meta_label.setText("")
        self.returned_label.setText("")
        self.must_sign_label.setText("")
        self.section1_group.setTitle(QCoreApplication.translate("FormView", u"1. Grundoplysninger om borgeren og hvilken magtanvendelse der er givet tilladelse til", None))
        self.section1_note_label.setText(QCoreApplication.translate("FormView", u"(udfyldes af kontaktperson hos borger ved given tilladelse af magtanvendelse)", None))
        self.cpr_label.setText(QCoreApplication.translate("FormView", u"Cpr.-nummer:", None))
        self.cpr_value.setText("")
        self.name_label.setText(QCoreApplication.translate("FormView", u"Navn p\u00e5 borger:", None))
        self.name_value.setText("")
        self.address_label.setText(QCoreApplication.translate("FormView", u"Adresse:", None))
        self.address_value.setText("")
        self.center_label.setText(QCoreApplication.translate("FormView", u"Center/distrikt:", None))
        self.center_value.setText("")
        self.acting_label.setText(QCoreApplication.translate("FormView", u"Handlekommune:", None))
        self.acting_value.setText("")
        self.residence_label.setText(QCoreApplication.translate("FormView", u"Opholdskommune:", None))
        self.residence_value.setText("")
        self.contact_label.setText(QCoreApplication.translate("FormView", u"Kontaktperson:", None))
        self.contact_value.setText("")
        self.permits_heading_label.setText(QCoreApplication.translate("FormView", u"Oplysninger fra afg\u00f8relsen:", None))
        self.permits_value.setText("")
        self.section2_group.setTitle(QCoreApplication.translate("FormView", u"2. Oplysninger om magtanvendelser", None))
        self.section2_note_label.setText(QCoreApplication.translate("FormView", u"(udfyldes af de medarbejdere som var involveret i magtanvendelsen)", None))
        self.month_value.setText(QCoreApplication.translate("FormView", u"Magtanvendelser for:", None))
        self.not_covered_value.setText("")
        self.signature2_label.setText(QCoreApplication.translate("FormView", u"Ikke underskrevet", None))
        self.sign2_button.setText(QCoreApplication.translate("FormView", u"Underskriv afsnit &2 \u2026", None))
        self.section3_group.setTitle(QCoreApplication.translate("FormView", u"3. N\u00e6rmeste leders vurdering af magtanvendelserne/magtanvendelsen", None))
        self.section3_note_label.setText(QCoreApplication.translate("FormView", u"Udfyldes af n\u00e6rmeste leder", None))
        self.necessity_label.setText(QCoreApplication.translate("FormView", u"Hvordan var magtanvendelsen/ magtanvendelserne n\u00f8dvendige?", None))
        self.reflection_label.setText(QCoreApplication.translate("FormView", u"Hvordan sikrer lederen refleksion over magtanvendelsen/magtanvendelserne?", None))
        self.action_plan_updated_label.setText(QCoreApplication.translate("FormView", u"Hvorn\u00e5r er soc.p\u00e6d. handleplan opdateret (j\u00e6vnf\u00f8r lovens krav om handleplan efter \u00a7 141 i Serviceloven)", None))
        self.discussed_in_staff_group_label.setText(QCoreApplication.translate("FormView", u"A: Har anvendelsen af magt over for denne borger v\u00e6ret behandlet i medarbejdergruppen (lederm\u00f8de, personalem\u00f8de, gruppem\u00f8de m.v.)?", None))
        self.discussed_in_staff_group_yes_radio.setText(QCoreApplication.translate("FormView", u"Ja", None))
        self.discussed_in_staff_group_no_radio.setText(QCoreApplication.translate("FormView", u"Nej", None))
        self.discussed_when_label.setText(QCoreApplication.translate("FormView", u"Hvis ja: Hvorn\u00e5r?", None))
        self.discussion_plans_label.setText(QCoreApplication.translate("FormView", u"Hvis nej: Er der planer om at tage magtanvendelsen op til behandling i medarbejdergruppen, og i givet fald, hvorn\u00e5r?", None))
        self.action_plan_exists_label.setText(QCoreApplication.translate("FormView", u"B: Foreligger der en handleplan (\u00a7 141) for den p\u00e5g\u00e6ldende borger?", None))
        self.action_plan_exists_yes_radio.setText(QCoreApplication.translate("FormView", u"Ja", None))
        self.action_plan_exists_no_radio.setText(QCoreApplication.translate("FormView", u"Nej", None))
        self.action_plan_exists_note_label.setText(QCoreApplication.translate("FormView", u"Hvis nej: S\u00e5 p\u00e5hviler det den kommunale myndighed snarest muligt at udarbejde og fremsende en s\u00e5dan (jf. \u00a7 136).", None))
        self.other_label.setText(QCoreApplication.translate("FormView", u"C: Andet", None))
        self.leader_name_date_label.setText(QCoreApplication.translate("FormView", u"Lederens navn og dato for vurdering", None))
        self.leader_name_edit.setPlaceholderText(QCoreApplication.translate("FormView", u"Lederens navn", None))
        self.signature3_label.setText(QCoreApplication.translate("FormView", u"Ikke underskrevet", None))
        self.save3_button.setText(QCoreApplication.translate("FormView", u"&Gem afsnit 3", None))
        self.sign3_button.setText(QCoreApplication.translate("FormView", u"Underskriv afsnit &3 \u2026", None))
        self.send_button.setText(QCoreApplication.translate("FormView", u"Send til &myndigheden", None))
        self.section4_group.setTitle(QCoreApplication.translate("FormView", u"4. Kommunalbestyrelsens sagsbehandling", None))
        self.section4_note_label.setText(QCoreApplication.translate("FormView", u"Udfyldes af sagsbehandler for magtanvendelse", None))
        self.followup_remarks_label.setText(QCoreApplication.translate("FormView", u"Bem\u00e6rkninger vedr\u00f8rende opf\u00f8lgning", None))
        self.residence_municipality_informed_label.setText(QCoreApplication.translate("FormView", u"Er borgerens opholdskommune orienteret?", None))
        self.residence_municipality_informed_yes_radio.setText(QCoreApplication.translate("FormView", u"Ja", None))
        self.residence_municipality_informed_no_radio.setText(QCoreApplication.translate("FormView", u"Nej", None))
        self.acting_municipality_informed_label.setText(QCoreApplication.translate("FormView", u"Er borgerens handlekommune orienteret?", None))
        self.acting_municipality_informed_yes_radio.setText(QCoreApplication.translate("FormView", u"Ja", None))
        self.acting_municipality_informed_no_radio.setText(QCoreApplication.translate("FormView", u"Nej", None))
        self.processed_by_label.setText(QCoreApplication.translate("FormView", u"Indberetningen er behandlet af (Navn/stilling/kommune/dato)", None))
        self.processed_by_name_edit.setPlaceholderText(QCoreApplication.translate("FormView", u"Navn", None))
        self.processed_by_position_edit.setPlaceholderText(QCoreApplication.translate("FormView", u"Stilling", None))
        self.processed_by_municipality_edit.setPlaceholderText(QCoreApplication.translate("FormView", u"Kommune", None))
        self.signature4_label.setText(QCoreApplication.translate("FormView", u"Ikke underskrevet", None))
        self.save4_button.setText(QCoreApplication.translate("FormView", u"Gem afsnit &4", None))
        self.sign4_button.setText(QCoreApplication.translate("FormView", u"Underskriv afsnit 4 (&behandlet) \u2026", None))
        self.send_back_button.setText(QCoreApplication.translate("FormView", u"Send &tilbage til lederen \u2026", None))
        pass
    # retranslateUi

