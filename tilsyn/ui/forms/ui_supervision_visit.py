# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'supervision_visit.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFormLayout,
    QFrame, QGridLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QSplitter, QTabWidget, QTableView,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from tilsyn.ui.views.supervision_widgets import WrapLabel
from tilsyn.ui.widgets.error_label import ErrorLabel

class Ui_SupervisionVisitView(object):
    def setupUi(self, SupervisionVisitView):
        if not SupervisionVisitView.objectName():
            SupervisionVisitView.setObjectName(u"SupervisionVisitView")
        self.visit_layout = QVBoxLayout(SupervisionVisitView)
        self.visit_layout.setSpacing(8)
        self.visit_layout.setObjectName(u"visit_layout")
        self.visit_layout.setContentsMargins(28, 16, 28, 16)
        self.visit_header_layout = QHBoxLayout()
        self.visit_header_layout.setObjectName(u"visit_header_layout")
        self.back_button = QPushButton(SupervisionVisitView)
        self.back_button.setObjectName(u"back_button")

        self.visit_header_layout.addWidget(self.back_button)

        self.visit_header_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.visit_header_layout.addItem(self.visit_header_spacer)

        self.move_visit_button = QPushButton(SupervisionVisitView)
        self.move_visit_button.setObjectName(u"move_visit_button")

        self.visit_header_layout.addWidget(self.move_visit_button)

        self.cancel_visit_button = QPushButton(SupervisionVisitView)
        self.cancel_visit_button.setObjectName(u"cancel_visit_button")

        self.visit_header_layout.addWidget(self.cancel_visit_button)


        self.visit_layout.addLayout(self.visit_header_layout)

        self.visit_title_label = QLabel(SupervisionVisitView)
        self.visit_title_label.setObjectName(u"visit_title_label")
        self.visit_title_label.setStyleSheet(u"font-size: 14pt; font-weight: 600;")
        self.visit_title_label.setWordWrap(True)

        self.visit_layout.addWidget(self.visit_title_label)

        self.visit_details_label = WrapLabel(SupervisionVisitView)
        self.visit_details_label.setObjectName(u"visit_details_label")

        self.visit_layout.addWidget(self.visit_details_label)

        self.visit_error_label = ErrorLabel(SupervisionVisitView)
        self.visit_error_label.setObjectName(u"visit_error_label")

        self.visit_layout.addWidget(self.visit_error_label)

        self.visit_tabs = QTabWidget(SupervisionVisitView)
        self.visit_tabs.setObjectName(u"visit_tabs")
        self.sample_tab = QWidget()
        self.sample_tab.setObjectName(u"sample_tab")
        self.sample_layout = QVBoxLayout(self.sample_tab)
        self.sample_layout.setObjectName(u"sample_layout")
        self.sample_layout.setContentsMargins(12, 12, 12, 12)
        self.sample_splitter = QSplitter(self.sample_tab)
        self.sample_splitter.setObjectName(u"sample_splitter")
        self.sample_splitter.setOrientation(Qt.Orientation.Vertical)
        self.sample_splitter.setChildrenCollapsible(False)

        self.sample_layout.addWidget(self.sample_splitter)

        self.visit_tabs.addTab(self.sample_tab, "")
        self.interviews_tab = QWidget()
        self.interviews_tab.setObjectName(u"interviews_tab")
        self.interviews_layout = QVBoxLayout(self.interviews_tab)
        self.interviews_layout.setObjectName(u"interviews_layout")
        self.interviews_layout.setContentsMargins(12, 12, 12, 12)
        self.interviews_intro_label = WrapLabel(self.interviews_tab)
        self.interviews_intro_label.setObjectName(u"interviews_intro_label")

        self.interviews_layout.addWidget(self.interviews_intro_label)

        self.interviews_row_layout = QHBoxLayout()
        self.interviews_row_layout.setSpacing(12)
        self.interviews_row_layout.setObjectName(u"interviews_row_layout")
        self.pending_group = QGroupBox(self.interviews_tab)
        self.pending_group.setObjectName(u"pending_group")
        self.pending_layout = QVBoxLayout(self.pending_group)
        self.pending_layout.setObjectName(u"pending_layout")
        self.pending_list = QListWidget(self.pending_group)
        self.pending_list.setObjectName(u"pending_list")
        self.pending_list.setAlternatingRowColors(True)

        self.pending_layout.addWidget(self.pending_list)

        self.pending_buttons_layout = QHBoxLayout()
        self.pending_buttons_layout.setObjectName(u"pending_buttons_layout")
        self.start_member_button = QPushButton(self.pending_group)
        self.start_member_button.setObjectName(u"start_member_button")

        self.pending_buttons_layout.addWidget(self.start_member_button)

        self.pending_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.pending_buttons_layout.addItem(self.pending_spacer)


        self.pending_layout.addLayout(self.pending_buttons_layout)


        self.interviews_row_layout.addWidget(self.pending_group)

        self.held_group = QGroupBox(self.interviews_tab)
        self.held_group.setObjectName(u"held_group")
        self.held_layout = QVBoxLayout(self.held_group)
        self.held_layout.setObjectName(u"held_layout")
        self.interviews_table = QTableView(self.held_group)
        self.interviews_table.setObjectName(u"interviews_table")
        self.interviews_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.interviews_table.setAlternatingRowColors(True)
        self.interviews_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.interviews_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.interviews_table.setSortingEnabled(False)
        self.interviews_table.setWordWrap(False)

        self.held_layout.addWidget(self.interviews_table)

        self.held_buttons_layout = QHBoxLayout()
        self.held_buttons_layout.setObjectName(u"held_buttons_layout")
        self.open_interview_button = QPushButton(self.held_group)
        self.open_interview_button.setObjectName(u"open_interview_button")

        self.held_buttons_layout.addWidget(self.open_interview_button)

        self.held_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.held_buttons_layout.addItem(self.held_spacer)


        self.held_layout.addLayout(self.held_buttons_layout)


        self.interviews_row_layout.addWidget(self.held_group)


        self.interviews_layout.addLayout(self.interviews_row_layout)

        self.staff_group = QGroupBox(self.interviews_tab)
        self.staff_group.setObjectName(u"staff_group")
        self.staff_layout = QHBoxLayout(self.staff_group)
        self.staff_layout.setObjectName(u"staff_layout")
        self.staff_dialogue_button = QPushButton(self.staff_group)
        self.staff_dialogue_button.setObjectName(u"staff_dialogue_button")

        self.staff_layout.addWidget(self.staff_dialogue_button)

        self.staff_evaluation_button = QPushButton(self.staff_group)
        self.staff_evaluation_button.setObjectName(u"staff_evaluation_button")

        self.staff_layout.addWidget(self.staff_evaluation_button)

        self.staff_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.staff_layout.addItem(self.staff_spacer)


        self.interviews_layout.addWidget(self.staff_group)

        self.visit_tabs.addTab(self.interviews_tab, "")
        self.findings_tab = QWidget()
        self.findings_tab.setObjectName(u"findings_tab")
        self.findings_layout = QVBoxLayout(self.findings_tab)
        self.findings_layout.setObjectName(u"findings_layout")
        self.findings_layout.setContentsMargins(12, 12, 12, 12)
        self.findings_splitter = QSplitter(self.findings_tab)
        self.findings_splitter.setObjectName(u"findings_splitter")
        self.findings_splitter.setOrientation(Qt.Orientation.Horizontal)
        self.findings_splitter.setChildrenCollapsible(False)
        self.scores_group = QGroupBox(self.findings_splitter)
        self.scores_group.setObjectName(u"scores_group")
        self.scores_layout = QVBoxLayout(self.scores_group)
        self.scores_layout.setObjectName(u"scores_layout")
        self.score_summary_label = WrapLabel(self.scores_group)
        self.score_summary_label.setObjectName(u"score_summary_label")
        self.score_summary_label.setTextFormat(Qt.TextFormat.RichText)

        self.scores_layout.addWidget(self.score_summary_label)

        self.scores_tree = QTreeWidget(self.scores_group)
        self.scores_tree.setObjectName(u"scores_tree")
        self.scores_tree.setAlternatingRowColors(True)
        self.scores_tree.setUniformRowHeights(False)
        self.scores_tree.setWordWrap(True)
        self.scores_tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.scores_layout.addWidget(self.scores_tree)

        self.staff_evaluation_label = WrapLabel(self.scores_group)
        self.staff_evaluation_label.setObjectName(u"staff_evaluation_label")
        self.staff_evaluation_label.setTextFormat(Qt.TextFormat.RichText)

        self.scores_layout.addWidget(self.staff_evaluation_label)

        self.findings_splitter.addWidget(self.scores_group)
        self.writing_scroll = QScrollArea(self.findings_splitter)
        self.writing_scroll.setObjectName(u"writing_scroll")
        self.writing_scroll.setWidgetResizable(True)
        self.writing_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.writing_widget = QWidget()
        self.writing_widget.setObjectName(u"writing_widget")
        self.writing_layout = QVBoxLayout(self.writing_widget)
        self.writing_layout.setObjectName(u"writing_layout")
        self.writing_layout.setContentsMargins(0, 0, 6, 0)
        self.result_group = QGroupBox(self.writing_widget)
        self.result_group.setObjectName(u"result_group")
        self.result_form = QFormLayout(self.result_group)
        self.result_form.setObjectName(u"result_form")
        self.result_label = QLabel(self.result_group)
        self.result_label.setObjectName(u"result_label")

        self.result_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.result_label)

        self.result_combo = QComboBox(self.result_group)
        self.result_combo.setObjectName(u"result_combo")

        self.result_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.result_combo)

        self.result_summary_label = QLabel(self.result_group)
        self.result_summary_label.setObjectName(u"result_summary_label")

        self.result_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.result_summary_label)

        self.result_summary_edit = QPlainTextEdit(self.result_group)
        self.result_summary_edit.setObjectName(u"result_summary_edit")
        self.result_summary_edit.setMaximumSize(QSize(16777215, 64))
        self.result_summary_edit.setTabChangesFocus(True)

        self.result_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.result_summary_edit)


        self.writing_layout.addWidget(self.result_group)

        self.goals_group = QGroupBox(self.writing_widget)
        self.goals_group.setObjectName(u"goals_group")
        self.goals_layout = QVBoxLayout(self.goals_group)
        self.goals_layout.setSpacing(6)
        self.goals_layout.setObjectName(u"goals_layout")

        self.writing_layout.addWidget(self.goals_group)

        self.conclusions_group = QGroupBox(self.writing_widget)
        self.conclusions_group.setObjectName(u"conclusions_group")
        self.conclusions_layout = QVBoxLayout(self.conclusions_group)
        self.conclusions_layout.setObjectName(u"conclusions_layout")
        self.conclusions_edit = QPlainTextEdit(self.conclusions_group)
        self.conclusions_edit.setObjectName(u"conclusions_edit")
        self.conclusions_edit.setMinimumSize(QSize(0, 70))
        self.conclusions_edit.setTabChangesFocus(True)

        self.conclusions_layout.addWidget(self.conclusions_edit)


        self.writing_layout.addWidget(self.conclusions_group)

        self.areas_group = QGroupBox(self.writing_widget)
        self.areas_group.setObjectName(u"areas_group")
        self.areas_layout = QVBoxLayout(self.areas_group)
        self.areas_layout.setObjectName(u"areas_layout")
        self.areas_edit = QPlainTextEdit(self.areas_group)
        self.areas_edit.setObjectName(u"areas_edit")
        self.areas_edit.setMinimumSize(QSize(0, 56))
        self.areas_edit.setTabChangesFocus(True)

        self.areas_layout.addWidget(self.areas_edit)


        self.writing_layout.addWidget(self.areas_group)

        self.findings_error_label = ErrorLabel(self.writing_widget)
        self.findings_error_label.setObjectName(u"findings_error_label")

        self.writing_layout.addWidget(self.findings_error_label)

        self.findings_buttons_layout = QHBoxLayout()
        self.findings_buttons_layout.setObjectName(u"findings_buttons_layout")
        self.findings_saved_label = QLabel(self.writing_widget)
        self.findings_saved_label.setObjectName(u"findings_saved_label")

        self.findings_buttons_layout.addWidget(self.findings_saved_label)

        self.findings_buttons_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.findings_buttons_layout.addItem(self.findings_buttons_spacer)

        self.save_findings_button = QPushButton(self.writing_widget)
        self.save_findings_button.setObjectName(u"save_findings_button")

        self.findings_buttons_layout.addWidget(self.save_findings_button)


        self.writing_layout.addLayout(self.findings_buttons_layout)

        self.writing_scroll.setWidget(self.writing_widget)
        self.findings_splitter.addWidget(self.writing_scroll)

        self.findings_layout.addWidget(self.findings_splitter)

        self.visit_tabs.addTab(self.findings_tab, "")
        self.action_tab = QWidget()
        self.action_tab.setObjectName(u"action_tab")
        self.action_layout = QVBoxLayout(self.action_tab)
        self.action_layout.setObjectName(u"action_layout")
        self.action_layout.setContentsMargins(12, 12, 12, 12)
        self.action_intro_label = WrapLabel(self.action_tab)
        self.action_intro_label.setObjectName(u"action_intro_label")

        self.action_layout.addWidget(self.action_intro_label)

        self.action_table = QTableView(self.action_tab)
        self.action_table.setObjectName(u"action_table")
        self.action_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.action_table.setAlternatingRowColors(True)
        self.action_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.action_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.action_table.setSortingEnabled(False)
        self.action_table.setWordWrap(False)

        self.action_layout.addWidget(self.action_table)

        self.action_buttons_layout = QHBoxLayout()
        self.action_buttons_layout.setObjectName(u"action_buttons_layout")
        self.add_action_button = QPushButton(self.action_tab)
        self.add_action_button.setObjectName(u"add_action_button")

        self.action_buttons_layout.addWidget(self.add_action_button)

        self.edit_action_button = QPushButton(self.action_tab)
        self.edit_action_button.setObjectName(u"edit_action_button")

        self.action_buttons_layout.addWidget(self.edit_action_button)

        self.remove_action_button = QPushButton(self.action_tab)
        self.remove_action_button.setObjectName(u"remove_action_button")

        self.action_buttons_layout.addWidget(self.remove_action_button)

        self.comment_action_button = QPushButton(self.action_tab)
        self.comment_action_button.setObjectName(u"comment_action_button")

        self.action_buttons_layout.addWidget(self.comment_action_button)

        self.action_buttons_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.action_buttons_layout.addItem(self.action_buttons_spacer)


        self.action_layout.addLayout(self.action_buttons_layout)

        self.visit_tabs.addTab(self.action_tab, "")
        self.report_tab = QWidget()
        self.report_tab.setObjectName(u"report_tab")
        self.report_layout = QVBoxLayout(self.report_tab)
        self.report_layout.setObjectName(u"report_layout")
        self.report_layout.setContentsMargins(12, 12, 12, 12)
        self.flow_group = QGroupBox(self.report_tab)
        self.flow_group.setObjectName(u"flow_group")
        self.flow_layout = QVBoxLayout(self.flow_group)
        self.flow_layout.setObjectName(u"flow_layout")
        self.flow_label = WrapLabel(self.flow_group)
        self.flow_label.setObjectName(u"flow_label")
        self.flow_label.setTextFormat(Qt.TextFormat.RichText)

        self.flow_layout.addWidget(self.flow_label)

        self.next_step_label = WrapLabel(self.flow_group)
        self.next_step_label.setObjectName(u"next_step_label")

        self.flow_layout.addWidget(self.next_step_label)

        self.flow_buttons_layout = QGridLayout()
        self.flow_buttons_layout.setObjectName(u"flow_buttons_layout")
        self.conduct_button = QPushButton(self.flow_group)
        self.conduct_button.setObjectName(u"conduct_button")

        self.flow_buttons_layout.addWidget(self.conduct_button, 0, 0, 1, 1)

        self.start_report_button = QPushButton(self.flow_group)
        self.start_report_button.setObjectName(u"start_report_button")

        self.flow_buttons_layout.addWidget(self.start_report_button, 0, 1, 1, 1)

        self.send_button = QPushButton(self.flow_group)
        self.send_button.setObjectName(u"send_button")

        self.flow_buttons_layout.addWidget(self.send_button, 0, 2, 1, 1)

        self.return_button = QPushButton(self.flow_group)
        self.return_button.setObjectName(u"return_button")

        self.flow_buttons_layout.addWidget(self.return_button, 1, 0, 1, 1)

        self.finalise_button = QPushButton(self.flow_group)
        self.finalise_button.setObjectName(u"finalise_button")

        self.flow_buttons_layout.addWidget(self.finalise_button, 1, 1, 1, 1)

        self.follow_up_button = QPushButton(self.flow_group)
        self.follow_up_button.setObjectName(u"follow_up_button")

        self.flow_buttons_layout.addWidget(self.follow_up_button, 1, 2, 1, 1)

        self.flow_buttons_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.flow_buttons_layout.addItem(self.flow_buttons_spacer, 0, 3, 1, 1)


        self.flow_layout.addLayout(self.flow_buttons_layout)


        self.report_layout.addWidget(self.flow_group)

        self.consultation_group = QGroupBox(self.report_tab)
        self.consultation_group.setObjectName(u"consultation_group")
        self.consultation_layout = QVBoxLayout(self.consultation_group)
        self.consultation_layout.setObjectName(u"consultation_layout")
        self.consultation_label = WrapLabel(self.consultation_group)
        self.consultation_label.setObjectName(u"consultation_label")
        self.consultation_label.setTextFormat(Qt.TextFormat.RichText)
        self.consultation_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.consultation_layout.addWidget(self.consultation_label)


        self.report_layout.addWidget(self.consultation_group)

        self.report_group = QGroupBox(self.report_tab)
        self.report_group.setObjectName(u"report_group")
        self.report_group_layout = QVBoxLayout(self.report_group)
        self.report_group_layout.setObjectName(u"report_group_layout")
        self.report_help_label = WrapLabel(self.report_group)
        self.report_help_label.setObjectName(u"report_help_label")

        self.report_group_layout.addWidget(self.report_help_label)

        self.report_buttons_layout = QHBoxLayout()
        self.report_buttons_layout.setObjectName(u"report_buttons_layout")
        self.show_report_button = QPushButton(self.report_group)
        self.show_report_button.setObjectName(u"show_report_button")

        self.report_buttons_layout.addWidget(self.show_report_button)

        self.report_buttons_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.report_buttons_layout.addItem(self.report_buttons_spacer)


        self.report_group_layout.addLayout(self.report_buttons_layout)


        self.report_layout.addWidget(self.report_group)

        self.report_bottom_spacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.report_layout.addItem(self.report_bottom_spacer)

        self.visit_tabs.addTab(self.report_tab, "")

        self.visit_layout.addWidget(self.visit_tabs)

#if QT_CONFIG(shortcut)
        self.result_label.setBuddy(self.result_combo)
        self.result_summary_label.setBuddy(self.result_summary_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.back_button, self.visit_tabs)

        self.retranslateUi(SupervisionVisitView)

        self.visit_tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(SupervisionVisitView)
    # setupUi

    def retranslateUi(self, SupervisionVisitView):
        self.back_button.setText(QCoreApplication.translate("SupervisionVisitView", u"\u2190 &Tilbage til oversigten", None))
        self.move_visit_button.setText(QCoreApplication.translate("SupervisionVisitView", u"Fl&yt bes\u00f8g\u2026", None))
        self.cancel_visit_button.setText(QCoreApplication.translate("SupervisionVisitView", u"Aflys bes\u00f8g\u2026", None))
        self.visit_tabs.setTabText(self.visit_tabs.indexOf(self.sample_tab), QCoreApplication.translate("SupervisionVisitView", u"&Stikpr\u00f8ve", None))
        self.interviews_intro_label.setText(QCoreApplication.translate("SupervisionVisitView", u"V\u00e6lg en udtrukket beboer eller p\u00e5r\u00f8rende, og start interviewet. Hvert svar gemmes med det samme. I rapporten optr\u00e6der respondenterne kun med koden (B1, P1, M1).", None))
        self.pending_group.setTitle(QCoreApplication.translate("SupervisionVisitView", u"Udtrukne uden interview", None))
        self.start_member_button.setText(QCoreApplication.translate("SupervisionVisitView", u"&Start interview", None))
        self.held_group.setTitle(QCoreApplication.translate("SupervisionVisitView", u"Interview p\u00e5 dette bes\u00f8g", None))
        self.open_interview_button.setText(QCoreApplication.translate("SupervisionVisitView", u"\u00c5&bn interview", None))
        self.staff_group.setTitle(QCoreApplication.translate("SupervisionVisitView", u"Personalet", None))
        self.staff_dialogue_button.setText(QCoreApplication.translate("SupervisionVisitView", u"&Dialogm\u00f8de med personalet \u2026", None))
        self.staff_evaluation_button.setText(QCoreApplication.translate("SupervisionVisitView", u"Personalets &evaluering af m\u00e5nedsskemaet \u2026", None))
        self.visit_tabs.setTabText(self.visit_tabs.indexOf(self.interviews_tab), QCoreApplication.translate("SupervisionVisitView", u"&Interview", None))
        self.scores_group.setTitle(QCoreApplication.translate("SupervisionVisitView", u"M\u00e5linger", None))
        self.result_group.setTitle(QCoreApplication.translate("SupervisionVisitView", u"Samlet vurdering af bes\u00f8get", None))
        self.result_label.setText(QCoreApplication.translate("SupervisionVisitView", u"&Vurdering:", None))
        self.result_summary_label.setText(QCoreApplication.translate("SupervisionVisitView", u"&Sammenfatning:", None))
        self.goals_group.setTitle(QCoreApplication.translate("SupervisionVisitView", u"Kvalitetsm\u00e5l: m\u00e5lt niveau og kvalitativ sammenfatning", None))
        self.conclusions_group.setTitle(QCoreApplication.translate("SupervisionVisitView", u"F\u00e6lles konklusioner (\u00e9n pr. linje)", None))
        self.areas_group.setTitle(QCoreApplication.translate("SupervisionVisitView", u"Udviklingsomr\u00e5der (\u00e9t pr. linje)", None))
        self.save_findings_button.setText(QCoreApplication.translate("SupervisionVisitView", u"&Gem vurdering og konklusioner", None))
        self.visit_tabs.setTabText(self.visit_tabs.indexOf(self.findings_tab), QCoreApplication.translate("SupervisionVisitView", u"&Fund og konklusioner", None))
        self.action_intro_label.setText(QCoreApplication.translate("SupervisionVisitView", u"Personalets egen handleplan ud fra konklusionerne. Status p\u00e5 handlingerne kan f\u00f8lges op, ogs\u00e5 efter den endelige rapport.", None))
        self.add_action_button.setText(QCoreApplication.translate("SupervisionVisitView", u"&Ny handling \u2026", None))
        self.edit_action_button.setText(QCoreApplication.translate("SupervisionVisitView", u"&Ret handling \u2026", None))
        self.remove_action_button.setText(QCoreApplication.translate("SupervisionVisitView", u"Fjern &handling", None))
        self.comment_action_button.setText(QCoreApplication.translate("SupervisionVisitView", u"&Komment\u00e9r handling \u2026", None))
        self.visit_tabs.setTabText(self.visit_tabs.indexOf(self.action_tab), QCoreApplication.translate("SupervisionVisitView", u"&Handleplan", None))
        self.flow_group.setTitle(QCoreApplication.translate("SupervisionVisitView", u"Bes\u00f8gets forl\u00f8b", None))
        self.conduct_button.setText(QCoreApplication.translate("SupervisionVisitView", u"&Mark\u00e9r som gennemf\u00f8rt \u2026", None))
        self.start_report_button.setText(QCoreApplication.translate("SupervisionVisitView", u"S&tart rapport", None))
        self.send_button.setText(QCoreApplication.translate("SupervisionVisitView", u"Send i &h\u00f8ring \u2026", None))
        self.return_button.setText(QCoreApplication.translate("SupervisionVisitView", u"Tilbage til &udkast \u2026", None))
        self.finalise_button.setText(QCoreApplication.translate("SupervisionVisitView", u"G\u00f8r rapporten &endelig", None))
        self.follow_up_button.setText(QCoreApplication.translate("SupervisionVisitView", u"&Planl\u00e6g opf\u00f8lgning \u2026", None))
        self.consultation_group.setTitle(QCoreApplication.translate("SupervisionVisitView", u"H\u00f8ring hos plejecentret", None))
        self.report_group.setTitle(QCoreApplication.translate("SupervisionVisitView", u"Tilsynsrapport", None))
        self.report_help_label.setText(QCoreApplication.translate("SupervisionVisitView", u"Rapporten er pseudonym: beboere, p\u00e5r\u00f8rende og personale optr\u00e6der kun med koder. Den kan forh\u00e5ndsvises, gemmes som PDF og udskrives.", None))
        self.show_report_button.setText(QCoreApplication.translate("SupervisionVisitView", u"&Vis rapport", None))
        self.visit_tabs.setTabText(self.visit_tabs.indexOf(self.report_tab), QCoreApplication.translate("SupervisionVisitView", u"&Rapport og h\u00f8ring", None))
        pass
    # retranslateUi

