# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'resident_force_view.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCharts import QChartView
from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QSizePolicy, QSplitter,
    QTableView, QVBoxLayout, QWidget)

from tilsyn.ui.widgets.error_label import ErrorLabel

class Ui_ResidentForceView(object):
    def setupUi(self, ResidentForceView):
        if not ResidentForceView.objectName():
            ResidentForceView.setObjectName(u"ResidentForceView")
        ResidentForceView.resize(1000, 700)
        self.main_layout = QVBoxLayout(ResidentForceView)
        self.main_layout.setObjectName(u"main_layout")
        self.picker_layout = QHBoxLayout()
        self.picker_layout.setObjectName(u"picker_layout")
        self.resident_label = QLabel(ResidentForceView)
        self.resident_label.setObjectName(u"resident_label")

        self.picker_layout.addWidget(self.resident_label)

        self.resident_edit = QLineEdit(ResidentForceView)
        self.resident_edit.setObjectName(u"resident_edit")

        self.picker_layout.addWidget(self.resident_edit)


        self.main_layout.addLayout(self.picker_layout)

        self.title_label = QLabel(ResidentForceView)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setStyleSheet(u"font-size: 13pt; font-weight: 600;")
        self.title_label.setWordWrap(True)

        self.main_layout.addWidget(self.title_label)

        self.summary_label = QLabel(ResidentForceView)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.main_layout.addWidget(self.summary_label)

        self.splitter = QSplitter(ResidentForceView)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.chart_view = QChartView(self.splitter)
        self.chart_view.setObjectName(u"chart_view")
        self.chart_view.setMinimumSize(QSize(0, 240))
        self.splitter.addWidget(self.chart_view)
        self.counts_table = QTableView(self.splitter)
        self.counts_table.setObjectName(u"counts_table")
        self.counts_table.setAlternatingRowColors(False)
        self.counts_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.counts_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.counts_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.counts_table.setSortingEnabled(True)
        self.counts_table.setShowGrid(False)
        self.counts_table.setWordWrap(False)
        self.counts_table.setTabKeyNavigation(False)
        self.splitter.addWidget(self.counts_table)

        self.main_layout.addWidget(self.splitter)

        self.error_label = ErrorLabel(ResidentForceView)
        self.error_label.setObjectName(u"error_label")

        self.main_layout.addWidget(self.error_label)

#if QT_CONFIG(shortcut)
        self.resident_label.setBuddy(self.resident_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.resident_edit, self.counts_table)

        self.retranslateUi(ResidentForceView)

        QMetaObject.connectSlotsByName(ResidentForceView)
    # setupUi

    def retranslateUi(self, ResidentForceView):
        self.resident_label.setText(QCoreApplication.translate("ResidentForceView", u"&Beboer:", None))
        self.resident_edit.setPlaceholderText(QCoreApplication.translate("ResidentForceView", u"Skriv en del af navn, bolig eller CPR-nummer", None))
        self.title_label.setText("")
        self.summary_label.setText("")
        pass
    # retranslateUi

