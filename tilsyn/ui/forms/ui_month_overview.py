# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'month_overview.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QToolButton, QVBoxLayout,
    QWidget)

from tilsyn.ui.widgets.error_label import ErrorLabel

class Ui_MonthOverviewView(object):
    def setupUi(self, MonthOverviewView):
        if not MonthOverviewView.objectName():
            MonthOverviewView.setObjectName(u"MonthOverviewView")
        MonthOverviewView.resize(1000, 640)
        self.main_layout = QVBoxLayout(MonthOverviewView)
        self.main_layout.setObjectName(u"main_layout")
        self.filter_layout = QHBoxLayout()
        self.filter_layout.setSpacing(8)
        self.filter_layout.setObjectName(u"filter_layout")
        self.care_home_label = QLabel(MonthOverviewView)
        self.care_home_label.setObjectName(u"care_home_label")

        self.filter_layout.addWidget(self.care_home_label)

        self.care_home_combo = QComboBox(MonthOverviewView)
        self.care_home_combo.setObjectName(u"care_home_combo")
        self.care_home_combo.setMinimumSize(QSize(260, 0))

        self.filter_layout.addWidget(self.care_home_combo)

        self.month_label = QLabel(MonthOverviewView)
        self.month_label.setObjectName(u"month_label")

        self.filter_layout.addWidget(self.month_label)

        self.previous_button = QToolButton(MonthOverviewView)
        self.previous_button.setObjectName(u"previous_button")

        self.filter_layout.addWidget(self.previous_button)

        self.month_combo = QComboBox(MonthOverviewView)
        self.month_combo.setObjectName(u"month_combo")
        self.month_combo.setMinimumSize(QSize(170, 0))

        self.filter_layout.addWidget(self.month_combo)

        self.next_button = QToolButton(MonthOverviewView)
        self.next_button.setObjectName(u"next_button")

        self.filter_layout.addWidget(self.next_button)

        self.filter_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filter_layout.addItem(self.filter_spacer)


        self.main_layout.addLayout(self.filter_layout)

        self.summary_label = QLabel(MonthOverviewView)
        self.summary_label.setObjectName(u"summary_label")

        self.main_layout.addWidget(self.summary_label)

        self.overview_table = QTableView(MonthOverviewView)
        self.overview_table.setObjectName(u"overview_table")
        self.overview_table.setAlternatingRowColors(False)
        self.overview_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.overview_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.overview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.overview_table.setSortingEnabled(True)
        self.overview_table.setShowGrid(False)
        self.overview_table.setWordWrap(False)
        self.overview_table.setTabKeyNavigation(False)

        self.main_layout.addWidget(self.overview_table)

        self.legend_label = QLabel(MonthOverviewView)
        self.legend_label.setObjectName(u"legend_label")
        self.legend_label.setWordWrap(True)
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)

        self.main_layout.addWidget(self.legend_label)

        self.error_label = ErrorLabel(MonthOverviewView)
        self.error_label.setObjectName(u"error_label")

        self.main_layout.addWidget(self.error_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.open_button = QPushButton(MonthOverviewView)
        self.open_button.setObjectName(u"open_button")
        self.open_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.open_button)

        self.history_button = QPushButton(MonthOverviewView)
        self.history_button.setObjectName(u"history_button")
        self.history_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.history_button)

        self.buttons_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)


        self.main_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.care_home_label.setBuddy(self.care_home_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.care_home_combo, self.previous_button)
        QWidget.setTabOrder(self.previous_button, self.month_combo)
        QWidget.setTabOrder(self.month_combo, self.next_button)
        QWidget.setTabOrder(self.next_button, self.overview_table)
        QWidget.setTabOrder(self.overview_table, self.open_button)
        QWidget.setTabOrder(self.open_button, self.history_button)

        self.retranslateUi(MonthOverviewView)

        QMetaObject.connectSlotsByName(MonthOverviewView)
    # setupUi

    def retranslateUi(self, MonthOverviewView):
        self.care_home_label.setText(QCoreApplication.translate("MonthOverviewView", u"&Plejecenter:", None))
        self.month_label.setText(QCoreApplication.translate("MonthOverviewView", u"M\u00e5ned:", None))
        self.previous_button.setText(QCoreApplication.translate("MonthOverviewView", u"\u25c0", None))
#if QT_CONFIG(tooltip)
        self.previous_button.setToolTip(QCoreApplication.translate("MonthOverviewView", u"Forrige m\u00e5ned (Alt+Venstre)", None))
#endif // QT_CONFIG(tooltip)
        self.next_button.setText(QCoreApplication.translate("MonthOverviewView", u"\u25b6", None))
#if QT_CONFIG(tooltip)
        self.next_button.setToolTip(QCoreApplication.translate("MonthOverviewView", u"N\u00e6ste m\u00e5ned (Alt+H\u00f8jre)", None))
#endif // QT_CONFIG(tooltip)
        self.summary_label.setText("")
        self.legend_label.setText("")
        self.open_button.setText(QCoreApplication.translate("MonthOverviewView", u"\u00c5&bn skema", None))
        self.history_button.setText(QCoreApplication.translate("MonthOverviewView", u"Magtanvendelse &over tid \u2026", None))
        pass
    # retranslateUi

