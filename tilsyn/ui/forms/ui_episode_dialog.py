# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'episode_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog,
    QFrame, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

from tilsyn.ui.widgets.date_edit import DanishDateEdit
from tilsyn.ui.widgets.error_label import ErrorLabel

class Ui_EpisodeDialog(object):
    def setupUi(self, EpisodeDialog):
        if not EpisodeDialog.objectName():
            EpisodeDialog.setObjectName(u"EpisodeDialog")
        EpisodeDialog.resize(860, 720)
        self.main_layout = QVBoxLayout(EpisodeDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.title_label = QLabel(EpisodeDialog)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setStyleSheet(u"font-size: 14pt; font-weight: 600;")

        self.main_layout.addWidget(self.title_label)

        self.intro_label = QLabel(EpisodeDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.draft_label = QLabel(EpisodeDialog)
        self.draft_label.setObjectName(u"draft_label")
        self.draft_label.setStyleSheet(u"color: #1d5fa8;")
        self.draft_label.setWordWrap(True)

        self.main_layout.addWidget(self.draft_label)

        self.scroll_area = QScrollArea(EpisodeDialog)
        self.scroll_area.setObjectName(u"scroll_area")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_contents = QWidget()
        self.scroll_contents.setObjectName(u"scroll_contents")
        self.scroll_layout = QVBoxLayout(self.scroll_contents)
        self.scroll_layout.setObjectName(u"scroll_layout")
        self.when_group = QGroupBox(self.scroll_contents)
        self.when_group.setObjectName(u"when_group")
        self.when_layout = QGridLayout(self.when_group)
        self.when_layout.setObjectName(u"when_layout")
        self.resident_label = QLabel(self.when_group)
        self.resident_label.setObjectName(u"resident_label")

        self.when_layout.addWidget(self.resident_label, 0, 0, 1, 1)

        self.resident_edit = QLineEdit(self.when_group)
        self.resident_edit.setObjectName(u"resident_edit")

        self.when_layout.addWidget(self.resident_edit, 0, 1, 1, 3)

        self.resident_info_label = QLabel(self.when_group)
        self.resident_info_label.setObjectName(u"resident_info_label")
        self.resident_info_label.setWordWrap(True)

        self.when_layout.addWidget(self.resident_info_label, 1, 1, 1, 3)

        self.resident_error_label = ErrorLabel(self.when_group)
        self.resident_error_label.setObjectName(u"resident_error_label")

        self.when_layout.addWidget(self.resident_error_label, 2, 1, 1, 3)

        self.force_type_label = QLabel(self.when_group)
        self.force_type_label.setObjectName(u"force_type_label")

        self.when_layout.addWidget(self.force_type_label, 3, 0, 1, 1)

        self.force_type_combo = QComboBox(self.when_group)
        self.force_type_combo.setObjectName(u"force_type_combo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.force_type_combo.sizePolicy().hasHeightForWidth())
        self.force_type_combo.setSizePolicy(sizePolicy)

        self.when_layout.addWidget(self.force_type_combo, 3, 1, 1, 2)

        self.all_types_check = QCheckBox(self.when_group)
        self.all_types_check.setObjectName(u"all_types_check")

        self.when_layout.addWidget(self.all_types_check, 3, 3, 1, 1)

        self.force_type_error_label = ErrorLabel(self.when_group)
        self.force_type_error_label.setObjectName(u"force_type_error_label")

        self.when_layout.addWidget(self.force_type_error_label, 4, 1, 1, 3)

        self.situation_label = QLabel(self.when_group)
        self.situation_label.setObjectName(u"situation_label")

        self.when_layout.addWidget(self.situation_label, 5, 0, 1, 1)

        self.situation_combo = QComboBox(self.when_group)
        self.situation_combo.setObjectName(u"situation_combo")
        sizePolicy.setHeightForWidth(self.situation_combo.sizePolicy().hasHeightForWidth())
        self.situation_combo.setSizePolicy(sizePolicy)

        self.when_layout.addWidget(self.situation_combo, 5, 1, 1, 3)

        self.situation_error_label = ErrorLabel(self.when_group)
        self.situation_error_label.setObjectName(u"situation_error_label")

        self.when_layout.addWidget(self.situation_error_label, 6, 1, 1, 3)

        self.started_label = QLabel(self.when_group)
        self.started_label.setObjectName(u"started_label")

        self.when_layout.addWidget(self.started_label, 7, 0, 1, 1)

        self.moment_layout = QHBoxLayout()
        self.moment_layout.setObjectName(u"moment_layout")
        self.date_edit = DanishDateEdit(self.when_group)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setMaximumSize(QSize(150, 16777215))

        self.moment_layout.addWidget(self.date_edit)

        self.start_time_label = QLabel(self.when_group)
        self.start_time_label.setObjectName(u"start_time_label")

        self.moment_layout.addWidget(self.start_time_label)

        self.start_time_edit = QLineEdit(self.when_group)
        self.start_time_edit.setObjectName(u"start_time_edit")
        self.start_time_edit.setMaximumSize(QSize(80, 16777215))

        self.moment_layout.addWidget(self.start_time_edit)

        self.end_time_label = QLabel(self.when_group)
        self.end_time_label.setObjectName(u"end_time_label")

        self.moment_layout.addWidget(self.end_time_label)

        self.end_time_edit = QLineEdit(self.when_group)
        self.end_time_edit.setObjectName(u"end_time_edit")
        self.end_time_edit.setMaximumSize(QSize(80, 16777215))

        self.moment_layout.addWidget(self.end_time_edit)

        self.ended_next_day_check = QCheckBox(self.when_group)
        self.ended_next_day_check.setObjectName(u"ended_next_day_check")

        self.moment_layout.addWidget(self.ended_next_day_check)

        self.end_time_hint_label = QLabel(self.when_group)
        self.end_time_hint_label.setObjectName(u"end_time_hint_label")
        self.end_time_hint_label.setStyleSheet(u"color: palette(placeholder-text);")

        self.moment_layout.addWidget(self.end_time_hint_label)

        self.moment_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.moment_layout.addItem(self.moment_spacer)


        self.when_layout.addLayout(self.moment_layout, 7, 1, 1, 3)

        self.overnight_label = QLabel(self.when_group)
        self.overnight_label.setObjectName(u"overnight_label")
        self.overnight_label.setWordWrap(True)
        self.overnight_label.setTextFormat(Qt.TextFormat.PlainText)

        self.when_layout.addWidget(self.overnight_label, 8, 1, 1, 3)

        self.started_at_error_label = ErrorLabel(self.when_group)
        self.started_at_error_label.setObjectName(u"started_at_error_label")

        self.when_layout.addWidget(self.started_at_error_label, 9, 1, 1, 3)

        self.ended_at_error_label = ErrorLabel(self.when_group)
        self.ended_at_error_label.setObjectName(u"ended_at_error_label")

        self.when_layout.addWidget(self.ended_at_error_label, 10, 1, 1, 3)

        self.when_layout.setColumnStretch(1, 1)
        self.when_layout.setColumnStretch(2, 1)

        self.scroll_layout.addWidget(self.when_group)

        self.late_group = QGroupBox(self.scroll_contents)
        self.late_group.setObjectName(u"late_group")
        self.late_group_layout = QVBoxLayout(self.late_group)
        self.late_group_layout.setObjectName(u"late_group_layout")
        self.late_reason_label = QLabel(self.late_group)
        self.late_reason_label.setObjectName(u"late_reason_label")
        self.late_reason_label.setWordWrap(True)

        self.late_group_layout.addWidget(self.late_reason_label)

        self.late_reason_edit = QPlainTextEdit(self.late_group)
        self.late_reason_edit.setObjectName(u"late_reason_edit")
        self.late_reason_edit.setTabChangesFocus(True)
        self.late_reason_edit.setMaximumSize(QSize(16777215, 70))

        self.late_group_layout.addWidget(self.late_reason_edit)

        self.late_reason_error_label = ErrorLabel(self.late_group)
        self.late_reason_error_label.setObjectName(u"late_reason_error_label")

        self.late_group_layout.addWidget(self.late_reason_error_label)


        self.scroll_layout.addWidget(self.late_group)

        self.details_group = QGroupBox(self.scroll_contents)
        self.details_group.setObjectName(u"details_group")
        self.fields_layout = QVBoxLayout(self.details_group)
        self.fields_layout.setSpacing(10)
        self.fields_layout.setObjectName(u"fields_layout")
        self.where_why_layout = QHBoxLayout()
        self.where_why_layout.setSpacing(12)
        self.where_why_layout.setObjectName(u"where_why_layout")
        self.location_layout = QVBoxLayout()
        self.location_layout.setSpacing(2)
        self.location_layout.setObjectName(u"location_layout")
        self.location_head_layout = QHBoxLayout()
        self.location_head_layout.setSpacing(6)
        self.location_head_layout.setObjectName(u"location_head_layout")
        self.location_label = QLabel(self.details_group)
        self.location_label.setObjectName(u"location_label")

        self.location_head_layout.addWidget(self.location_label)

        self.location_hint_label = QLabel(self.details_group)
        self.location_hint_label.setObjectName(u"location_hint_label")
        self.location_hint_label.setStyleSheet(u"color: palette(placeholder-text);")

        self.location_head_layout.addWidget(self.location_hint_label)

        self.location_head_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.location_head_layout.addItem(self.location_head_spacer)


        self.location_layout.addLayout(self.location_head_layout)

        self.location_edit = QLineEdit(self.details_group)
        self.location_edit.setObjectName(u"location_edit")

        self.location_layout.addWidget(self.location_edit)

        self.location_error_label = ErrorLabel(self.details_group)
        self.location_error_label.setObjectName(u"location_error_label")

        self.location_layout.addWidget(self.location_error_label)


        self.where_why_layout.addLayout(self.location_layout)

        self.purpose_layout = QVBoxLayout()
        self.purpose_layout.setSpacing(2)
        self.purpose_layout.setObjectName(u"purpose_layout")
        self.purpose_head_layout = QHBoxLayout()
        self.purpose_head_layout.setSpacing(6)
        self.purpose_head_layout.setObjectName(u"purpose_head_layout")
        self.purpose_label = QLabel(self.details_group)
        self.purpose_label.setObjectName(u"purpose_label")

        self.purpose_head_layout.addWidget(self.purpose_label)

        self.purpose_hint_label = QLabel(self.details_group)
        self.purpose_hint_label.setObjectName(u"purpose_hint_label")
        self.purpose_hint_label.setStyleSheet(u"color: palette(placeholder-text);")

        self.purpose_head_layout.addWidget(self.purpose_hint_label)

        self.purpose_head_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.purpose_head_layout.addItem(self.purpose_head_spacer)


        self.purpose_layout.addLayout(self.purpose_head_layout)

        self.purpose_edit = QLineEdit(self.details_group)
        self.purpose_edit.setObjectName(u"purpose_edit")

        self.purpose_layout.addWidget(self.purpose_edit)

        self.purpose_error_label = ErrorLabel(self.details_group)
        self.purpose_error_label.setObjectName(u"purpose_error_label")

        self.purpose_layout.addWidget(self.purpose_error_label)


        self.where_why_layout.addLayout(self.purpose_layout)


        self.fields_layout.addLayout(self.where_why_layout)

        self.description_layout = QVBoxLayout()
        self.description_layout.setSpacing(2)
        self.description_layout.setObjectName(u"description_layout")
        self.description_head_layout = QHBoxLayout()
        self.description_head_layout.setSpacing(6)
        self.description_head_layout.setObjectName(u"description_head_layout")
        self.description_label = QLabel(self.details_group)
        self.description_label.setObjectName(u"description_label")

        self.description_head_layout.addWidget(self.description_label)

        self.description_hint_label = QLabel(self.details_group)
        self.description_hint_label.setObjectName(u"description_hint_label")
        self.description_hint_label.setStyleSheet(u"color: palette(placeholder-text);")

        self.description_head_layout.addWidget(self.description_hint_label)

        self.description_head_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.description_head_layout.addItem(self.description_head_spacer)


        self.description_layout.addLayout(self.description_head_layout)

        self.description_edit = QPlainTextEdit(self.details_group)
        self.description_edit.setObjectName(u"description_edit")
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMaximumSize(QSize(16777215, 72))
        self.description_edit.setMinimumSize(QSize(0, 52))

        self.description_layout.addWidget(self.description_edit)

        self.description_error_label = ErrorLabel(self.details_group)
        self.description_error_label.setObjectName(u"description_error_label")

        self.description_layout.addWidget(self.description_error_label)


        self.fields_layout.addLayout(self.description_layout)

        self.avoidance_layout = QVBoxLayout()
        self.avoidance_layout.setSpacing(2)
        self.avoidance_layout.setObjectName(u"avoidance_layout")
        self.avoidance_head_layout = QHBoxLayout()
        self.avoidance_head_layout.setSpacing(6)
        self.avoidance_head_layout.setObjectName(u"avoidance_head_layout")
        self.avoidance_label = QLabel(self.details_group)
        self.avoidance_label.setObjectName(u"avoidance_label")

        self.avoidance_head_layout.addWidget(self.avoidance_label)

        self.avoidance_head_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.avoidance_head_layout.addItem(self.avoidance_head_spacer)


        self.avoidance_layout.addLayout(self.avoidance_head_layout)

        self.avoidance_edit = QPlainTextEdit(self.details_group)
        self.avoidance_edit.setObjectName(u"avoidance_edit")
        self.avoidance_edit.setTabChangesFocus(True)
        self.avoidance_edit.setMaximumSize(QSize(16777215, 72))
        self.avoidance_edit.setMinimumSize(QSize(0, 52))

        self.avoidance_layout.addWidget(self.avoidance_edit)

        self.avoidance_error_label = ErrorLabel(self.details_group)
        self.avoidance_error_label.setObjectName(u"avoidance_error_label")

        self.avoidance_layout.addWidget(self.avoidance_error_label)


        self.fields_layout.addLayout(self.avoidance_layout)

        self.least_intrusive_layout = QVBoxLayout()
        self.least_intrusive_layout.setSpacing(2)
        self.least_intrusive_layout.setObjectName(u"least_intrusive_layout")
        self.least_intrusive_head_layout = QHBoxLayout()
        self.least_intrusive_head_layout.setSpacing(6)
        self.least_intrusive_head_layout.setObjectName(u"least_intrusive_head_layout")
        self.least_intrusive_label = QLabel(self.details_group)
        self.least_intrusive_label.setObjectName(u"least_intrusive_label")

        self.least_intrusive_head_layout.addWidget(self.least_intrusive_label)

        self.least_intrusive_hint_label = QLabel(self.details_group)
        self.least_intrusive_hint_label.setObjectName(u"least_intrusive_hint_label")
        self.least_intrusive_hint_label.setStyleSheet(u"color: palette(placeholder-text);")

        self.least_intrusive_head_layout.addWidget(self.least_intrusive_hint_label)

        self.least_intrusive_head_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.least_intrusive_head_layout.addItem(self.least_intrusive_head_spacer)


        self.least_intrusive_layout.addLayout(self.least_intrusive_head_layout)

        self.least_intrusive_edit = QPlainTextEdit(self.details_group)
        self.least_intrusive_edit.setObjectName(u"least_intrusive_edit")
        self.least_intrusive_edit.setTabChangesFocus(True)
        self.least_intrusive_edit.setMaximumSize(QSize(16777215, 72))
        self.least_intrusive_edit.setMinimumSize(QSize(0, 52))

        self.least_intrusive_layout.addWidget(self.least_intrusive_edit)

        self.least_intrusive_error_label = ErrorLabel(self.details_group)
        self.least_intrusive_error_label.setObjectName(u"least_intrusive_error_label")

        self.least_intrusive_layout.addWidget(self.least_intrusive_error_label)


        self.fields_layout.addLayout(self.least_intrusive_layout)

        self.narrative_layout = QVBoxLayout()
        self.narrative_layout.setSpacing(2)
        self.narrative_layout.setObjectName(u"narrative_layout")
        self.narrative_head_layout = QHBoxLayout()
        self.narrative_head_layout.setSpacing(6)
        self.narrative_head_layout.setObjectName(u"narrative_head_layout")
        self.narrative_label = QLabel(self.details_group)
        self.narrative_label.setObjectName(u"narrative_label")

        self.narrative_head_layout.addWidget(self.narrative_label)

        self.narrative_head_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.narrative_head_layout.addItem(self.narrative_head_spacer)


        self.narrative_layout.addLayout(self.narrative_head_layout)

        self.narrative_hint_label = QLabel(self.details_group)
        self.narrative_hint_label.setObjectName(u"narrative_hint_label")
        self.narrative_hint_label.setStyleSheet(u"color: palette(placeholder-text);")
        self.narrative_hint_label.setWordWrap(True)

        self.narrative_layout.addWidget(self.narrative_hint_label)

        self.narrative_edit = QPlainTextEdit(self.details_group)
        self.narrative_edit.setObjectName(u"narrative_edit")
        self.narrative_edit.setTabChangesFocus(True)
        self.narrative_edit.setMaximumSize(QSize(16777215, 96))
        self.narrative_edit.setMinimumSize(QSize(0, 52))

        self.narrative_layout.addWidget(self.narrative_edit)

        self.narrative_error_label = ErrorLabel(self.details_group)
        self.narrative_error_label.setObjectName(u"narrative_error_label")

        self.narrative_layout.addWidget(self.narrative_error_label)


        self.fields_layout.addLayout(self.narrative_layout)


        self.scroll_layout.addWidget(self.details_group)

        self.staff_group = QGroupBox(self.scroll_contents)
        self.staff_group.setObjectName(u"staff_group")
        self.staff_group_layout = QVBoxLayout(self.staff_group)
        self.staff_group_layout.setObjectName(u"staff_group_layout")
        self.staff_hint_label = QLabel(self.staff_group)
        self.staff_hint_label.setObjectName(u"staff_hint_label")
        self.staff_hint_label.setWordWrap(True)

        self.staff_group_layout.addWidget(self.staff_hint_label)

        self.staff_grid = QGridLayout()
        self.staff_grid.setObjectName(u"staff_grid")
        self.staff_grid.setHorizontalSpacing(8)
        self.staff_grid.setVerticalSpacing(4)
        self.staff_on_header = QLabel(self.staff_group)
        self.staff_on_header.setObjectName(u"staff_on_header")

        self.staff_grid.addWidget(self.staff_on_header, 0, 0, 1, 1)

        self.staff_name_header = QLabel(self.staff_group)
        self.staff_name_header.setObjectName(u"staff_name_header")

        self.staff_grid.addWidget(self.staff_name_header, 0, 1, 1, 1)

        self.staff_workplace_header = QLabel(self.staff_group)
        self.staff_workplace_header.setObjectName(u"staff_workplace_header")

        self.staff_grid.addWidget(self.staff_workplace_header, 0, 2, 1, 1)

        self.staff_position_header = QLabel(self.staff_group)
        self.staff_position_header.setObjectName(u"staff_position_header")

        self.staff_grid.addWidget(self.staff_position_header, 0, 3, 1, 1)

        self.staff_writer_header = QLabel(self.staff_group)
        self.staff_writer_header.setObjectName(u"staff_writer_header")

        self.staff_grid.addWidget(self.staff_writer_header, 0, 4, 1, 1)

        self.staff_grid.setColumnStretch(1, 3)
        self.staff_grid.setColumnStretch(2, 2)
        self.staff_grid.setColumnStretch(3, 2)

        self.staff_group_layout.addLayout(self.staff_grid)

        self.staff_buttons_layout = QHBoxLayout()
        self.staff_buttons_layout.setObjectName(u"staff_buttons_layout")
        self.add_staff_button = QPushButton(self.staff_group)
        self.add_staff_button.setObjectName(u"add_staff_button")
        self.add_staff_button.setAutoDefault(False)

        self.staff_buttons_layout.addWidget(self.add_staff_button)

        self.staff_buttons_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.staff_buttons_layout.addItem(self.staff_buttons_spacer)


        self.staff_group_layout.addLayout(self.staff_buttons_layout)

        self.staff_error_label = ErrorLabel(self.staff_group)
        self.staff_error_label.setObjectName(u"staff_error_label")

        self.staff_group_layout.addWidget(self.staff_error_label)


        self.scroll_layout.addWidget(self.staff_group)

        self.scroll_area.setWidget(self.scroll_contents)

        self.main_layout.addWidget(self.scroll_area)

        self.acute_frame = QFrame(EpisodeDialog)
        self.acute_frame.setObjectName(u"acute_frame")
        self.acute_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.acute_frame.setStyleSheet(u"QFrame#acute_frame { background: #fff4e5; border: 1px solid #e0a040; border-radius: 4px; }")
        self.acute_layout = QVBoxLayout(self.acute_frame)
        self.acute_layout.setObjectName(u"acute_layout")
        self.acute_label = QLabel(self.acute_frame)
        self.acute_label.setObjectName(u"acute_label")
        self.acute_label.setWordWrap(True)

        self.acute_layout.addWidget(self.acute_label)

        self.acute_buttons_layout = QHBoxLayout()
        self.acute_buttons_layout.setObjectName(u"acute_buttons_layout")
        self.acute_button = QPushButton(self.acute_frame)
        self.acute_button.setObjectName(u"acute_button")
        self.acute_button.setAutoDefault(False)

        self.acute_buttons_layout.addWidget(self.acute_button)

        self.acute_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.acute_buttons_layout.addItem(self.acute_spacer)


        self.acute_layout.addLayout(self.acute_buttons_layout)


        self.main_layout.addWidget(self.acute_frame)

        self.form_error_label = ErrorLabel(EpisodeDialog)
        self.form_error_label.setObjectName(u"form_error_label")

        self.main_layout.addWidget(self.form_error_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.autosave_label = QLabel(EpisodeDialog)
        self.autosave_label.setObjectName(u"autosave_label")
        self.autosave_label.setStyleSheet(u"color: palette(placeholder-text);")

        self.buttons_layout.addWidget(self.autosave_label)

        self.buttons_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.save_button = QPushButton(EpisodeDialog)
        self.save_button.setObjectName(u"save_button")

        self.buttons_layout.addWidget(self.save_button)

        self.cancel_button = QPushButton(EpisodeDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.cancel_button)


        self.main_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.resident_label.setBuddy(self.resident_edit)
        self.force_type_label.setBuddy(self.force_type_combo)
        self.situation_label.setBuddy(self.situation_combo)
        self.started_label.setBuddy(self.date_edit)
        self.start_time_label.setBuddy(self.start_time_edit)
        self.end_time_label.setBuddy(self.end_time_edit)
        self.late_reason_label.setBuddy(self.late_reason_edit)
        self.location_label.setBuddy(self.location_edit)
        self.purpose_label.setBuddy(self.purpose_edit)
        self.description_label.setBuddy(self.description_edit)
        self.avoidance_label.setBuddy(self.avoidance_edit)
        self.least_intrusive_label.setBuddy(self.least_intrusive_edit)
        self.narrative_label.setBuddy(self.narrative_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.resident_edit, self.force_type_combo)
        QWidget.setTabOrder(self.force_type_combo, self.all_types_check)
        QWidget.setTabOrder(self.all_types_check, self.situation_combo)
        QWidget.setTabOrder(self.situation_combo, self.date_edit)
        QWidget.setTabOrder(self.date_edit, self.start_time_edit)
        QWidget.setTabOrder(self.start_time_edit, self.end_time_edit)
        QWidget.setTabOrder(self.end_time_edit, self.ended_next_day_check)
        QWidget.setTabOrder(self.ended_next_day_check, self.late_reason_edit)
        QWidget.setTabOrder(self.late_reason_edit, self.location_edit)
        QWidget.setTabOrder(self.location_edit, self.purpose_edit)
        QWidget.setTabOrder(self.purpose_edit, self.description_edit)
        QWidget.setTabOrder(self.description_edit, self.avoidance_edit)
        QWidget.setTabOrder(self.avoidance_edit, self.least_intrusive_edit)
        QWidget.setTabOrder(self.least_intrusive_edit, self.narrative_edit)
        QWidget.setTabOrder(self.narrative_edit, self.add_staff_button)
        QWidget.setTabOrder(self.add_staff_button, self.acute_button)
        QWidget.setTabOrder(self.acute_button, self.save_button)
        QWidget.setTabOrder(self.save_button, self.cancel_button)

        self.retranslateUi(EpisodeDialog)

        self.save_button.setDefault(True)


        QMetaObject.connectSlotsByName(EpisodeDialog)
    # setupUi

    def retranslateUi(self, EpisodeDialog):
        EpisodeDialog.setWindowTitle(QCoreApplication.translate("EpisodeDialog", u"Registr\u00e9r magtanvendelse", None))
        self.title_label.setText(QCoreApplication.translate("EpisodeDialog", u"Registr\u00e9r magtanvendelse", None))
        self.intro_label.setText(QCoreApplication.translate("EpisodeDialog", u"Registrering skal foretages straks og senest dagen efter, at episoden har fundet sted. Det, du skriver, gemmes l\u00f8bende som kladde.", None))
        self.draft_label.setText("")
        self.when_group.setTitle(QCoreApplication.translate("EpisodeDialog", u"Beboer, type og tidspunkt", None))
        self.resident_label.setText(QCoreApplication.translate("EpisodeDialog", u"&Beboer:", None))
        self.resident_edit.setPlaceholderText(QCoreApplication.translate("EpisodeDialog", u"Skriv en del af navn, bolig eller CPR-nummer", None))
        self.resident_info_label.setText("")
        self.force_type_label.setText(QCoreApplication.translate("EpisodeDialog", u"&Type:", None))
        self.all_types_check.setText(QCoreApplication.translate("EpisodeDialog", u"Vis &alle typer (akut / ikke-godkendt)", None))
        self.situation_label.setText(QCoreApplication.translate("EpisodeDialog", u"&Hygiejnesituation:", None))
        self.started_label.setText(QCoreApplication.translate("EpisodeDialog", u"&Dato og klokkesl\u00e6t:", None))
        self.start_time_label.setText(QCoreApplication.translate("EpisodeDialog", u"kl.", None))
        self.start_time_edit.setPlaceholderText(QCoreApplication.translate("EpisodeDialog", u"TT.MM", None))
        self.end_time_label.setText(QCoreApplication.translate("EpisodeDialog", u"til &kl.", None))
        self.end_time_edit.setPlaceholderText(QCoreApplication.translate("EpisodeDialog", u"TT.MM", None))
#if QT_CONFIG(tooltip)
        self.end_time_edit.setToolTip(QCoreApplication.translate("EpisodeDialog", u"Sluttidspunkt (kan udelades). Sluttede magtanvendelsen efter midnat, s\u00e5 s\u00e6t flueben i \u00bbSluttede n\u00e6ste dag\u00ab.", None))
#endif // QT_CONFIG(tooltip)
        self.ended_next_day_check.setText(QCoreApplication.translate("EpisodeDialog", u"Sluttede &n\u00e6ste dag", None))
#if QT_CONFIG(tooltip)
        self.ended_next_day_check.setToolTip(QCoreApplication.translate("EpisodeDialog", u"S\u00e6t flueben, n\u00e5r magtanvendelsen sluttede efter midnat, dagen efter startdatoen.", None))
#endif // QT_CONFIG(tooltip)
        self.end_time_hint_label.setText(QCoreApplication.translate("EpisodeDialog", u"(sluttidspunkt kan udelades)", None))
        self.overnight_label.setText("")
        self.late_group.setTitle(QCoreApplication.translate("EpisodeDialog", u"Registreret for sent", None))
        self.late_reason_label.setText(QCoreApplication.translate("EpisodeDialog", u"Begrundelse for sen registrering", None))
        self.details_group.setTitle(QCoreApplication.translate("EpisodeDialog", u"Oplysninger om magtanvendelsen", None))
        self.location_label.setText(QCoreApplication.translate("EpisodeDialog", u"location", None))
        self.location_hint_label.setText(QCoreApplication.translate("EpisodeDialog", u"(beskriv kort)", None))
        self.purpose_label.setText(QCoreApplication.translate("EpisodeDialog", u"purpose", None))
        self.purpose_hint_label.setText(QCoreApplication.translate("EpisodeDialog", u"(beskriv kort)", None))
        self.description_label.setText(QCoreApplication.translate("EpisodeDialog", u"description", None))
        self.description_hint_label.setText(QCoreApplication.translate("EpisodeDialog", u"(Hvor fandt den sted, hvordan skete det)", None))
        self.avoidance_label.setText(QCoreApplication.translate("EpisodeDialog", u"avoidance", None))
        self.least_intrusive_label.setText(QCoreApplication.translate("EpisodeDialog", u"least_intrusive", None))
        self.least_intrusive_hint_label.setText(QCoreApplication.translate("EpisodeDialog", u"(Mindsteindgrebsprincippet)", None))
        self.narrative_label.setText(QCoreApplication.translate("EpisodeDialog", u"narrative", None))
        self.narrative_hint_label.setText(QCoreApplication.translate("EpisodeDialog", u"I rubrikken kan anf\u00f8res bem\u00e6rkninger om h\u00e6ndelsesforl\u00f8bet, hvad der blev gjort for at genoprette tryghed for borgeren, borgerens reaktion, detaljer om de fysiske indgreb samt gode r\u00e5d eller oplysninger, der kan medvirke til at undg\u00e5 magtanvendelse fremover.", None))
        self.staff_group.setTitle(QCoreApplication.translate("EpisodeDialog", u"Navne p\u00e5 medarbejdere, som var involveret i magtanvendelsen", None))
        self.staff_hint_label.setText(QCoreApplication.translate("EpisodeDialog", u"S\u00e6t X ved den, som skriver indberetningen. Kolleger fra dine seneste registreringer st\u00e5r klar: s\u00e6t flueben ved dem, der var med.", None))
        self.staff_on_header.setText(QCoreApplication.translate("EpisodeDialog", u"Med", None))
        self.staff_name_header.setText(QCoreApplication.translate("EpisodeDialog", u"Navn", None))
        self.staff_workplace_header.setText(QCoreApplication.translate("EpisodeDialog", u"Arbejdssted", None))
        self.staff_position_header.setText(QCoreApplication.translate("EpisodeDialog", u"Stilling", None))
        self.staff_writer_header.setText(QCoreApplication.translate("EpisodeDialog", u"Skriver (X)", None))
        self.add_staff_button.setText(QCoreApplication.translate("EpisodeDialog", u"&Tilf\u00f8j medarbejder", None))
        self.acute_label.setText("")
        self.acute_button.setText(QCoreApplication.translate("EpisodeDialog", u"Registr\u00e9r som &akut / ikke-godkendt magtanvendelse", None))
        self.autosave_label.setText("")
        self.save_button.setText(QCoreApplication.translate("EpisodeDialog", u"&Gem", None))
#if QT_CONFIG(tooltip)
        self.save_button.setToolTip(QCoreApplication.translate("EpisodeDialog", u"Gem magtanvendelsen (Ctrl+Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.cancel_button.setText(QCoreApplication.translate("EpisodeDialog", u"Annuller", None))
    # retranslateUi

