# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'supervision_view.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QStackedWidget, QTabWidget,
    QTableView, QTextBrowser, QVBoxLayout, QWidget)

from tilsyn.ui.views.supervision_widgets import WrapLabel
from tilsyn.ui.widgets.error_label import ErrorLabel

class Ui_SupervisionView(object):
    def setupUi(self, SupervisionView):
        if not SupervisionView.objectName():
            SupervisionView.setObjectName(u"SupervisionView")
        self.view_layout = QVBoxLayout(SupervisionView)
        self.view_layout.setObjectName(u"view_layout")
        self.view_layout.setContentsMargins(0, 0, 0, 0)
        self.page_stack = QStackedWidget(SupervisionView)
        self.page_stack.setObjectName(u"page_stack")
        self.overview_page = QWidget()
        self.overview_page.setObjectName(u"overview_page")
        self.overview_layout = QVBoxLayout(self.overview_page)
        self.overview_layout.setSpacing(12)
        self.overview_layout.setObjectName(u"overview_layout")
        self.overview_layout.setContentsMargins(28, 24, 28, 16)
        self.title_label = QLabel(self.overview_page)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setStyleSheet(u"font-size: 18pt; font-weight: 600;")

        self.overview_layout.addWidget(self.title_label)

        self.intro_label = WrapLabel(self.overview_page)
        self.intro_label.setObjectName(u"intro_label")

        self.overview_layout.addWidget(self.intro_label)

        self.programme_group = QGroupBox(self.overview_page)
        self.programme_group.setObjectName(u"programme_group")
        self.programme_layout = QVBoxLayout(self.programme_group)
        self.programme_layout.setSpacing(8)
        self.programme_layout.setObjectName(u"programme_layout")
        self.programme_row_layout = QHBoxLayout()
        self.programme_row_layout.setObjectName(u"programme_row_layout")
        self.year_label = QLabel(self.programme_group)
        self.year_label.setObjectName(u"year_label")

        self.programme_row_layout.addWidget(self.year_label)

        self.year_combo = QComboBox(self.programme_group)
        self.year_combo.setObjectName(u"year_combo")
        self.year_combo.setMinimumSize(QSize(110, 0))

        self.programme_row_layout.addWidget(self.year_combo)

        self.programme_row_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.programme_row_layout.addItem(self.programme_row_spacer)

        self.create_programme_button = QPushButton(self.programme_group)
        self.create_programme_button.setObjectName(u"create_programme_button")

        self.programme_row_layout.addWidget(self.create_programme_button)

        self.edit_programme_button = QPushButton(self.programme_group)
        self.edit_programme_button.setObjectName(u"edit_programme_button")

        self.programme_row_layout.addWidget(self.edit_programme_button)

        self.verify_year_button = QPushButton(self.programme_group)
        self.verify_year_button.setObjectName(u"verify_year_button")

        self.programme_row_layout.addWidget(self.verify_year_button)

        self.annual_button = QPushButton(self.programme_group)
        self.annual_button.setObjectName(u"annual_button")

        self.programme_row_layout.addWidget(self.annual_button)


        self.programme_layout.addLayout(self.programme_row_layout)

        self.programme_info_label = WrapLabel(self.programme_group)
        self.programme_info_label.setObjectName(u"programme_info_label")
        self.programme_info_label.setTextFormat(Qt.TextFormat.RichText)

        self.programme_layout.addWidget(self.programme_info_label)


        self.overview_layout.addWidget(self.programme_group)

        self.overview_error_label = ErrorLabel(self.overview_page)
        self.overview_error_label.setObjectName(u"overview_error_label")

        self.overview_layout.addWidget(self.overview_error_label)

        self.main_tabs = QTabWidget(self.overview_page)
        self.main_tabs.setObjectName(u"main_tabs")
        self.main_tabs.setDocumentMode(True)
        self.planning_tab = QWidget()
        self.planning_tab.setObjectName(u"planning_tab")
        self.planning_layout = QVBoxLayout(self.planning_tab)
        self.planning_layout.setObjectName(u"planning_layout")
        self.planning_layout.setContentsMargins(12, 12, 12, 12)
        self.planning_summary_label = WrapLabel(self.planning_tab)
        self.planning_summary_label.setObjectName(u"planning_summary_label")

        self.planning_layout.addWidget(self.planning_summary_label)

        self.planning_table = QTableView(self.planning_tab)
        self.planning_table.setObjectName(u"planning_table")
        self.planning_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.planning_table.setAlternatingRowColors(True)
        self.planning_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.planning_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.planning_table.setSortingEnabled(True)
        self.planning_table.setWordWrap(False)

        self.planning_layout.addWidget(self.planning_table)

        self.planning_buttons_layout = QHBoxLayout()
        self.planning_buttons_layout.setObjectName(u"planning_buttons_layout")
        self.plan_from_planning_button = QPushButton(self.planning_tab)
        self.plan_from_planning_button.setObjectName(u"plan_from_planning_button")

        self.planning_buttons_layout.addWidget(self.plan_from_planning_button)

        self.open_planned_button = QPushButton(self.planning_tab)
        self.open_planned_button.setObjectName(u"open_planned_button")

        self.planning_buttons_layout.addWidget(self.open_planned_button)

        self.planning_buttons_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.planning_buttons_layout.addItem(self.planning_buttons_spacer)


        self.planning_layout.addLayout(self.planning_buttons_layout)

        self.main_tabs.addTab(self.planning_tab, "")
        self.visits_tab = QWidget()
        self.visits_tab.setObjectName(u"visits_tab")
        self.visits_layout = QVBoxLayout(self.visits_tab)
        self.visits_layout.setObjectName(u"visits_layout")
        self.visits_layout.setContentsMargins(12, 12, 12, 12)
        self.visits_filter_layout = QHBoxLayout()
        self.visits_filter_layout.setObjectName(u"visits_filter_layout")
        self.status_label = QLabel(self.visits_tab)
        self.status_label.setObjectName(u"status_label")

        self.visits_filter_layout.addWidget(self.status_label)

        self.status_combo = QComboBox(self.visits_tab)
        self.status_combo.setObjectName(u"status_combo")
        self.status_combo.setMinimumSize(QSize(180, 0))

        self.visits_filter_layout.addWidget(self.status_combo)

        self.visits_filter_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.visits_filter_layout.addItem(self.visits_filter_spacer)

        self.visit_count_label = QLabel(self.visits_tab)
        self.visit_count_label.setObjectName(u"visit_count_label")

        self.visits_filter_layout.addWidget(self.visit_count_label)


        self.visits_layout.addLayout(self.visits_filter_layout)

        self.visits_table = QTableView(self.visits_tab)
        self.visits_table.setObjectName(u"visits_table")
        self.visits_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.visits_table.setAlternatingRowColors(True)
        self.visits_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.visits_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.visits_table.setSortingEnabled(True)
        self.visits_table.setWordWrap(False)

        self.visits_layout.addWidget(self.visits_table)

        self.visits_buttons_layout = QHBoxLayout()
        self.visits_buttons_layout.setObjectName(u"visits_buttons_layout")
        self.plan_visit_button = QPushButton(self.visits_tab)
        self.plan_visit_button.setObjectName(u"plan_visit_button")

        self.visits_buttons_layout.addWidget(self.plan_visit_button)

        self.open_visit_button = QPushButton(self.visits_tab)
        self.open_visit_button.setObjectName(u"open_visit_button")

        self.visits_buttons_layout.addWidget(self.open_visit_button)

        self.visits_buttons_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.visits_buttons_layout.addItem(self.visits_buttons_spacer)


        self.visits_layout.addLayout(self.visits_buttons_layout)

        self.main_tabs.addTab(self.visits_tab, "")

        self.overview_layout.addWidget(self.main_tabs)

        self.page_stack.addWidget(self.overview_page)
        self.inbox_page = QWidget()
        self.inbox_page.setObjectName(u"inbox_page")
        self.inbox_layout = QVBoxLayout(self.inbox_page)
        self.inbox_layout.setSpacing(12)
        self.inbox_layout.setObjectName(u"inbox_layout")
        self.inbox_layout.setContentsMargins(28, 24, 28, 16)
        self.inbox_title_label = QLabel(self.inbox_page)
        self.inbox_title_label.setObjectName(u"inbox_title_label")
        self.inbox_title_label.setStyleSheet(u"font-size: 18pt; font-weight: 600;")

        self.inbox_layout.addWidget(self.inbox_title_label)

        self.inbox_intro_label = WrapLabel(self.inbox_page)
        self.inbox_intro_label.setObjectName(u"inbox_intro_label")

        self.inbox_layout.addWidget(self.inbox_intro_label)

        self.inbox_table = QTableView(self.inbox_page)
        self.inbox_table.setObjectName(u"inbox_table")
        self.inbox_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.inbox_table.setAlternatingRowColors(True)
        self.inbox_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.inbox_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.inbox_table.setSortingEnabled(False)
        self.inbox_table.setWordWrap(False)

        self.inbox_layout.addWidget(self.inbox_table)

        self.inbox_error_label = ErrorLabel(self.inbox_page)
        self.inbox_error_label.setObjectName(u"inbox_error_label")

        self.inbox_layout.addWidget(self.inbox_error_label)

        self.inbox_thread_browser = QTextBrowser(self.inbox_page)
        self.inbox_thread_browser.setObjectName(u"inbox_thread_browser")
        self.inbox_thread_browser.setOpenLinks(False)

        self.inbox_layout.addWidget(self.inbox_thread_browser)

        self.inbox_buttons_layout = QHBoxLayout()
        self.inbox_buttons_layout.setObjectName(u"inbox_buttons_layout")
        self.inbox_report_button = QPushButton(self.inbox_page)
        self.inbox_report_button.setObjectName(u"inbox_report_button")

        self.inbox_buttons_layout.addWidget(self.inbox_report_button)

        self.reply_button = QPushButton(self.inbox_page)
        self.reply_button.setObjectName(u"reply_button")

        self.inbox_buttons_layout.addWidget(self.reply_button)

        self.inbox_add_action_button = QPushButton(self.inbox_page)
        self.inbox_add_action_button.setObjectName(u"inbox_add_action_button")

        self.inbox_buttons_layout.addWidget(self.inbox_add_action_button)

        self.inbox_buttons_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.inbox_buttons_layout.addItem(self.inbox_buttons_spacer)


        self.inbox_layout.addLayout(self.inbox_buttons_layout)

        self.inbox_bottom_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.inbox_layout.addItem(self.inbox_bottom_spacer)

        self.page_stack.addWidget(self.inbox_page)
        self.no_access_page = QWidget()
        self.no_access_page.setObjectName(u"no_access_page")
        self.no_access_layout = QVBoxLayout(self.no_access_page)
        self.no_access_layout.setObjectName(u"no_access_layout")
        self.no_access_layout.setContentsMargins(28, 24, 28, 16)
        self.no_access_title_label = QLabel(self.no_access_page)
        self.no_access_title_label.setObjectName(u"no_access_title_label")
        self.no_access_title_label.setStyleSheet(u"font-size: 18pt; font-weight: 600;")

        self.no_access_layout.addWidget(self.no_access_title_label)

        self.no_access_label = WrapLabel(self.no_access_page)
        self.no_access_label.setObjectName(u"no_access_label")

        self.no_access_layout.addWidget(self.no_access_label)

        self.no_access_spacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.no_access_layout.addItem(self.no_access_spacer)

        self.page_stack.addWidget(self.no_access_page)

        self.view_layout.addWidget(self.page_stack)

#if QT_CONFIG(shortcut)
        self.year_label.setBuddy(self.year_combo)
        self.status_label.setBuddy(self.status_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.year_combo, self.create_programme_button)
        QWidget.setTabOrder(self.create_programme_button, self.edit_programme_button)
        QWidget.setTabOrder(self.edit_programme_button, self.verify_year_button)
        QWidget.setTabOrder(self.verify_year_button, self.annual_button)
        QWidget.setTabOrder(self.annual_button, self.main_tabs)
        QWidget.setTabOrder(self.main_tabs, self.planning_table)
        QWidget.setTabOrder(self.planning_table, self.plan_from_planning_button)
        QWidget.setTabOrder(self.plan_from_planning_button, self.open_planned_button)
        QWidget.setTabOrder(self.open_planned_button, self.status_combo)
        QWidget.setTabOrder(self.status_combo, self.visits_table)
        QWidget.setTabOrder(self.visits_table, self.plan_visit_button)
        QWidget.setTabOrder(self.plan_visit_button, self.open_visit_button)
        QWidget.setTabOrder(self.open_visit_button, self.inbox_table)
        QWidget.setTabOrder(self.inbox_table, self.inbox_report_button)
        QWidget.setTabOrder(self.inbox_report_button, self.inbox_thread_browser)
        QWidget.setTabOrder(self.inbox_thread_browser, self.reply_button)

        self.retranslateUi(SupervisionView)

        self.main_tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(SupervisionView)
    # setupUi

    def retranslateUi(self, SupervisionView):
        self.title_label.setText(QCoreApplication.translate("SupervisionView", u"Tilsyn", None))
        self.intro_label.setText(QCoreApplication.translate("SupervisionView", u"Uanmeldte tilsynsbes\u00f8g p\u00e5 plejecentrene: planl\u00e6gning, stikpr\u00f8ve, interview, fund og konklusioner, h\u00f8ring og rapport.", None))
        self.programme_group.setTitle(QCoreApplication.translate("SupervisionView", u"Tilsynsprogram", None))
        self.year_label.setText(QCoreApplication.translate("SupervisionView", u"&\u00c5r:", None))
        self.create_programme_button.setText(QCoreApplication.translate("SupervisionView", u"&Opret program \u2026", None))
        self.edit_programme_button.setText(QCoreApplication.translate("SupervisionView", u"Ret &stikpr\u00f8veplan \u2026", None))
        self.verify_year_button.setText(QCoreApplication.translate("SupervisionView", u"&Kontroll\u00e9r \u00e5rets stikpr\u00f8ver", None))
        self.annual_button.setText(QCoreApplication.translate("SupervisionView", u"Vis \u00e5&rsevaluering", None))
        self.plan_from_planning_button.setText(QCoreApplication.translate("SupervisionView", u"&Planl\u00e6g bes\u00f8g \u2026", None))
        self.open_planned_button.setText(QCoreApplication.translate("SupervisionView", u"\u00c5&bn planlagt bes\u00f8g", None))
        self.main_tabs.setTabText(self.main_tabs.indexOf(self.planning_tab), QCoreApplication.translate("SupervisionView", u"Planl\u00e6gning", None))
        self.status_label.setText(QCoreApplication.translate("SupervisionView", u"S&tatus:", None))
        self.plan_visit_button.setText(QCoreApplication.translate("SupervisionView", u"P&lanl\u00e6g bes\u00f8g \u2026", None))
        self.open_visit_button.setText(QCoreApplication.translate("SupervisionView", u"\u00c5bn &bes\u00f8g", None))
        self.main_tabs.setTabText(self.main_tabs.indexOf(self.visits_tab), QCoreApplication.translate("SupervisionView", u"Bes\u00f8g", None))
        self.inbox_title_label.setText(QCoreApplication.translate("SupervisionView", u"Tilsyn \u2013 rapporter i h\u00f8ring", None))
        self.inbox_intro_label.setText(QCoreApplication.translate("SupervisionView", u"Tilsynsrapporter for dit plejecenter, som konsulenten har sendt i h\u00f8ring. L\u00e6s udkastet, og send plejecentrets svar inden fristen.", None))
#if QT_CONFIG(accessibility)
        self.inbox_thread_browser.setAccessibleName(QCoreApplication.translate("SupervisionView", u"H\u00f8ringssvar og handleplan", None))
#endif // QT_CONFIG(accessibility)
        self.inbox_report_button.setText(QCoreApplication.translate("SupervisionView", u"&Vis rapportudkast", None))
        self.reply_button.setText(QCoreApplication.translate("SupervisionView", u"&Svar p\u00e5 h\u00f8ring \u2026", None))
        self.inbox_add_action_button.setText(QCoreApplication.translate("SupervisionView", u"&Tilf\u00f8j handling til handleplanen \u2026", None))
        self.no_access_title_label.setText(QCoreApplication.translate("SupervisionView", u"Tilsyn", None))
        self.no_access_label.setText(QCoreApplication.translate("SupervisionView", u"Tilsynsbes\u00f8g h\u00e5ndteres af tilsynskonsulenterne. Din rolle giver ikke adgang til tilsynet; sp\u00f8rg en administrator, hvis du skal bruge det.", None))
        pass
    # retranslateUi

