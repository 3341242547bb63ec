# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reports_view.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QFrame, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_ReportsView(object):
    def setupUi(self, ReportsView):
        if not ReportsView.objectName():
            ReportsView.setObjectName(u"ReportsView")
        ReportsView.resize(1000, 700)
        self.view_layout = QVBoxLayout(ReportsView)
        self.view_layout.setObjectName(u"view_layout")
        self.view_layout.setContentsMargins(0, 0, 0, 0)
        self.sections_scroll_area = QScrollArea(ReportsView)
        self.sections_scroll_area.setObjectName(u"sections_scroll_area")
        self.sections_scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.sections_scroll_area.setWidgetResizable(True)
        self.sections_widget = QWidget()
        self.sections_widget.setObjectName(u"sections_widget")
        self.sections_layout = QVBoxLayout(self.sections_widget)
        self.sections_layout.setSpacing(12)
        self.sections_layout.setObjectName(u"sections_layout")
        self.sections_layout.setContentsMargins(32, 28, 32, 28)
        self.title_label = QLabel(self.sections_widget)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setStyleSheet(u"font-size: 18pt; font-weight: 600;")

        self.sections_layout.addWidget(self.title_label)

        self.intro_label = QLabel(self.sections_widget)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.sections_layout.addWidget(self.intro_label)

        self.export_group = QGroupBox(self.sections_widget)
        self.export_group.setObjectName(u"export_group")
        self.export_group_layout = QVBoxLayout(self.export_group)
        self.export_group_layout.setSpacing(10)
        self.export_group_layout.setObjectName(u"export_group_layout")
        self.export_help_label = QLabel(self.export_group)
        self.export_help_label.setObjectName(u"export_help_label")
        self.export_help_label.setWordWrap(True)

        self.export_group_layout.addWidget(self.export_help_label)

        self.export_row_layout = QHBoxLayout()
        self.export_row_layout.setObjectName(u"export_row_layout")
        self.export_form_widget = QWidget(self.export_group)
        self.export_form_widget.setObjectName(u"export_form_widget")
        self.export_form_widget.setMaximumSize(QSize(680, 16777215))
        self.export_form_layout = QFormLayout(self.export_form_widget)
        self.export_form_layout.setObjectName(u"export_form_layout")
        self.export_form_layout.setContentsMargins(0, 0, 0, 0)
        self.month_label = QLabel(self.export_form_widget)
        self.month_label.setObjectName(u"month_label")

        self.export_form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.month_label)

        self.month_combo = QComboBox(self.export_form_widget)
        self.month_combo.setObjectName(u"month_combo")
        self.month_combo.setMaxVisibleItems(14)

        self.export_form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.month_combo)

        self.care_home_label = QLabel(self.export_form_widget)
        self.care_home_label.setObjectName(u"care_home_label")

        self.export_form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.care_home_label)

        self.care_home_combo = QComboBox(self.export_form_widget)
        self.care_home_combo.setObjectName(u"care_home_combo")
        self.care_home_combo.setMaxVisibleItems(20)

        self.export_form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.care_home_combo)

        self.layout_label = QLabel(self.export_form_widget)
        self.layout_label.setObjectName(u"layout_label")

        self.export_form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.layout_label)

        self.layout_combo = QComboBox(self.export_form_widget)
        self.layout_combo.setObjectName(u"layout_combo")

        self.export_form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.layout_combo)

        self.pdfa_check = QCheckBox(self.export_form_widget)
        self.pdfa_check.setObjectName(u"pdfa_check")

        self.export_form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.pdfa_check)

        self.folder_label = QLabel(self.export_form_widget)
        self.folder_label.setObjectName(u"folder_label")

        self.export_form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.folder_label)

        self.folder_layout = QHBoxLayout()
        self.folder_layout.setObjectName(u"folder_layout")
        self.folder_edit = QLineEdit(self.export_form_widget)
        self.folder_edit.setObjectName(u"folder_edit")

        self.folder_layout.addWidget(self.folder_edit)

        self.folder_button = QPushButton(self.export_form_widget)
        self.folder_button.setObjectName(u"folder_button")

        self.folder_layout.addWidget(self.folder_button)


        self.export_form_layout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.folder_layout)


        self.export_row_layout.addWidget(self.export_form_widget)

        self.export_row_spacer = QSpacerItem(0, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.export_row_layout.addItem(self.export_row_spacer)


        self.export_group_layout.addLayout(self.export_row_layout)

        self.export_button_layout = QHBoxLayout()
        self.export_button_layout.setObjectName(u"export_button_layout")
        self.export_button = QPushButton(self.export_group)
        self.export_button.setObjectName(u"export_button")

        self.export_button_layout.addWidget(self.export_button)

        self.export_button_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.export_button_layout.addItem(self.export_button_spacer)


        self.export_group_layout.addLayout(self.export_button_layout)

        self.message_label = QLabel(self.export_group)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.export_group_layout.addWidget(self.message_label)

        self.result_frame = QFrame(self.export_group)
        self.result_frame.setObjectName(u"result_frame")
        self.result_frame.setFrameShape(QFrame.Shape.NoFrame)
        self.result_layout = QVBoxLayout(self.result_frame)
        self.result_layout.setObjectName(u"result_layout")
        self.result_layout.setContentsMargins(0, 0, 0, 0)
        self.result_label = QLabel(self.result_frame)
        self.result_label.setObjectName(u"result_label")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.result_layout.addWidget(self.result_label)

        self.files_list = QListWidget(self.result_frame)
        self.files_list.setObjectName(u"files_list")
        self.files_list.setMinimumSize(QSize(0, 180))
        self.files_list.setAlternatingRowColors(True)

        self.result_layout.addWidget(self.files_list)

        self.result_buttons_layout = QHBoxLayout()
        self.result_buttons_layout.setObjectName(u"result_buttons_layout")
        self.preview_button = QPushButton(self.result_frame)
        self.preview_button.setObjectName(u"preview_button")

        self.result_buttons_layout.addWidget(self.preview_button)

        self.open_folder_button = QPushButton(self.result_frame)
        self.open_folder_button.setObjectName(u"open_folder_button")

        self.result_buttons_layout.addWidget(self.open_folder_button)

        self.result_buttons_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.result_buttons_layout.addItem(self.result_buttons_spacer)


        self.result_layout.addLayout(self.result_buttons_layout)


        self.export_group_layout.addWidget(self.result_frame)


        self.sections_layout.addWidget(self.export_group)

        self.sections_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.sections_layout.addItem(self.sections_spacer)

        self.sections_scroll_area.setWidget(self.sections_widget)

        self.view_layout.addWidget(self.sections_scroll_area)

#if QT_CONFIG(shortcut)
        self.month_label.setBuddy(self.month_combo)
        self.care_home_label.setBuddy(self.care_home_combo)
        self.layout_label.setBuddy(self.layout_combo)
        self.folder_label.setBuddy(self.folder_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.month_combo, self.care_home_combo)
        QWidget.setTabOrder(self.care_home_combo, self.layout_combo)
        QWidget.setTabOrder(self.layout_combo, self.pdfa_check)
        QWidget.setTabOrder(self.pdfa_check, self.folder_edit)
        QWidget.setTabOrder(self.folder_edit, self.folder_button)
        QWidget.setTabOrder(self.folder_button, self.export_button)
        QWidget.setTabOrder(self.export_button, self.files_list)
        QWidget.setTabOrder(self.files_list, self.preview_button)
        QWidget.setTabOrder(self.preview_button, self.open_folder_button)

        self.retranslateUi(ReportsView)

        self.export_button.setDefault(True)


        QMetaObject.connectSlotsByName(ReportsView)
    # setupUi

    def retranslateUi(self, ReportsView):
        self.title_label.setText(QCoreApplication.translate("ReportsView", u"Rapporter", None))
        self.intro_label.setText(QCoreApplication.translate("ReportsView", u"Udtr\u00e6k og rapporter som PDF. Alle PDF-filer kan forh\u00e5ndsvises, gemmes og udskrives her i programmet.", None))
        self.export_group.setTitle(QCoreApplication.translate("ReportsView", u"M\u00e5nedsudtr\u00e6k til myndigheden", None))
        self.export_help_label.setText(QCoreApplication.translate("ReportsView", u"Kun skemaer, som lederen har sendt til myndigheden, kommer med. Udtr\u00e6kket best\u00e5r af \u00e9n PDF og \u00e9n JSON-fil pr. skema, en samlet PDF pr. plejecenter med forside og en CSV-oversigt over m\u00e5neden.", None))
        self.month_label.setText(QCoreApplication.translate("ReportsView", u"&M\u00e5ned:", None))
        self.care_home_label.setText(QCoreApplication.translate("ReportsView", u"&Plejecenter:", None))
        self.layout_label.setText(QCoreApplication.translate("ReportsView", u"Skema&udgave:", None))
        self.pdfa_check.setText(QCoreApplication.translate("ReportsView", u"Gem som PDF/&A-2b (til langtidsarkivering)", None))
        self.folder_label.setText(QCoreApplication.translate("ReportsView", u"&Gem i mappe:", None))
        self.folder_button.setText(QCoreApplication.translate("ReportsView", u"&V\u00e6lg \u2026", None))
        self.export_button.setText(QCoreApplication.translate("ReportsView", u"&Dan udtr\u00e6k", None))
        self.message_label.setText("")
        self.result_label.setText("")
        self.preview_button.setText(QCoreApplication.translate("ReportsView", u"&Forh\u00e5ndsvis", None))
        self.open_folder_button.setText(QCoreApplication.translate("ReportsView", u"&\u00c5bn mappe", None))
        pass
    # retranslateUi

