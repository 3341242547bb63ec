# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'interview.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QDialog, QGroupBox,
    QHBoxLayout, QLabel, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from tilsyn.ui.views.supervision_widgets import WrapLabel
from tilsyn.ui.widgets.error_label import ErrorLabel

class Ui_InterviewDialog(object):
    def setupUi(self, InterviewDialog):
        if not InterviewDialog.objectName():
            InterviewDialog.setObjectName(u"InterviewDialog")
        InterviewDialog.setMinimumSize(QSize(820, 600))
        self.interview_layout = QVBoxLayout(InterviewDialog)
        self.interview_layout.setSpacing(10)
        self.interview_layout.setObjectName(u"interview_layout")
        self.header_layout = QHBoxLayout()
        self.header_layout.setObjectName(u"header_layout")
        self.code_label = QLabel(InterviewDialog)
        self.code_label.setObjectName(u"code_label")
        self.code_label.setStyleSheet(u"font-size: 28pt; font-weight: 700; color: #0b4f8a; padding: 0 12px;")

        self.header_layout.addWidget(self.code_label)

        self.header_text_layout = QVBoxLayout()
        self.header_text_layout.setSpacing(2)
        self.header_text_layout.setObjectName(u"header_text_layout")
        self.kind_label = QLabel(InterviewDialog)
        self.kind_label.setObjectName(u"kind_label")
        self.kind_label.setStyleSheet(u"font-size: 15pt; font-weight: 600;")

        self.header_text_layout.addWidget(self.kind_label)

        self.protocol_label = WrapLabel(InterviewDialog)
        self.protocol_label.setObjectName(u"protocol_label")

        self.header_text_layout.addWidget(self.protocol_label)

        self.person_label = WrapLabel(InterviewDialog)
        self.person_label.setObjectName(u"person_label")
        self.person_label.setStyleSheet(u"color: #555555;")

        self.header_text_layout.addWidget(self.person_label)


        self.header_layout.addLayout(self.header_text_layout)

        self.header_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.header_layout.addItem(self.header_spacer)

        self.save_status_label = QLabel(InterviewDialog)
        self.save_status_label.setObjectName(u"save_status_label")
        self.save_status_label.setStyleSheet(u"color: #1e6b30; font-size: 11pt;")

        self.header_layout.addWidget(self.save_status_label)


        self.interview_layout.addLayout(self.header_layout)

        self.consent_group = QGroupBox(InterviewDialog)
        self.consent_group.setObjectName(u"consent_group")
        self.consent_layout = QVBoxLayout(self.consent_group)
        self.consent_layout.setObjectName(u"consent_layout")
        self.consent_text_label = WrapLabel(self.consent_group)
        self.consent_text_label.setObjectName(u"consent_text_label")
        self.consent_text_label.setStyleSheet(u"font-size: 13pt;")

        self.consent_layout.addWidget(self.consent_text_label)

        self.consent_row_layout = QHBoxLayout()
        self.consent_row_layout.setObjectName(u"consent_row_layout")
        self.consent_check = QCheckBox(self.consent_group)
        self.consent_check.setObjectName(u"consent_check")

        self.consent_row_layout.addWidget(self.consent_check)

        self.consent_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.consent_row_layout.addItem(self.consent_spacer)

        self.decline_button = QPushButton(self.consent_group)
        self.decline_button.setObjectName(u"decline_button")

        self.consent_row_layout.addWidget(self.decline_button)


        self.consent_layout.addLayout(self.consent_row_layout)


        self.interview_layout.addWidget(self.consent_group)

        self.questions_scroll = QScrollArea(InterviewDialog)
        self.questions_scroll.setObjectName(u"questions_scroll")
        self.questions_scroll.setWidgetResizable(True)
        self.questions_widget = QWidget()
        self.questions_widget.setObjectName(u"questions_widget")
        self.questions_layout = QVBoxLayout(self.questions_widget)
        self.questions_layout.setSpacing(14)
        self.questions_layout.setObjectName(u"questions_layout")
        self.questions_layout.setContentsMargins(8, 8, 8, 8)
        self.questions_scroll.setWidget(self.questions_widget)

        self.interview_layout.addWidget(self.questions_scroll)

        self.error_label = ErrorLabel(InterviewDialog)
        self.error_label.setObjectName(u"error_label")

        self.interview_layout.addWidget(self.error_label)

        self.bottom_layout = QHBoxLayout()
        self.bottom_layout.setObjectName(u"bottom_layout")
        self.progress_label = WrapLabel(InterviewDialog)
        self.progress_label.setObjectName(u"progress_label")

        self.bottom_layout.addWidget(self.progress_label)

        self.bottom_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottom_layout.addItem(self.bottom_spacer)

        self.close_button = QPushButton(InterviewDialog)
        self.close_button.setObjectName(u"close_button")

        self.bottom_layout.addWidget(self.close_button)

        self.finish_button = QPushButton(InterviewDialog)
        self.finish_button.setObjectName(u"finish_button")

        self.bottom_layout.addWidget(self.finish_button)


        self.interview_layout.addLayout(self.bottom_layout)

        QWidget.setTabOrder(self.consent_check, self.decline_button)
        QWidget.setTabOrder(self.decline_button, self.questions_scroll)
        QWidget.setTabOrder(self.questions_scroll, self.close_button)
        QWidget.setTabOrder(self.close_button, self.finish_button)

        self.retranslateUi(InterviewDialog)

        QMetaObject.connectSlotsByName(InterviewDialog)
    # setupUi

    def retranslateUi(self, InterviewDialog):
        InterviewDialog.setWindowTitle(QCoreApplication.translate("InterviewDialog", u"Interview", None))
        self.consent_group.setTitle(QCoreApplication.translate("InterviewDialog", u"1. Samtykke", None))
        self.consent_check.setText(QCoreApplication.translate("InterviewDialog", u"&Respondenten har givet samtykke til interviewet", None))
        self.decline_button.setText(QCoreApplication.translate("InterviewDialog", u"\u00d8nsker &ikke at deltage", None))
        self.close_button.setText(QCoreApplication.translate("InterviewDialog", u"&Luk \u2013 forts\u00e6t senere", None))
        self.finish_button.setText(QCoreApplication.translate("InterviewDialog", u"&Afslut interview", None))
    # retranslateUi

