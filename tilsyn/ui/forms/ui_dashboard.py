# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dashboard.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QGridLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget)

from tilsyn.ui.widgets.error_label import ErrorLabel

class Ui_DashboardView(object):
    def setupUi(self, DashboardView):
        if not DashboardView.objectName():
            DashboardView.setObjectName(u"DashboardView")
        DashboardView.resize(1100, 760)
        self.main_layout = QVBoxLayout(DashboardView)
        self.main_layout.setObjectName(u"main_layout")
        self.title_layout = QHBoxLayout()
        self.title_layout.setObjectName(u"title_layout")
        self.title_label = QLabel(DashboardView)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setStyleSheet(u"font-size: 18pt; font-weight: 600;")

        self.title_layout.addWidget(self.title_label)

        self.title_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.title_layout.addItem(self.title_spacer)

        self.refresh_button = QPushButton(DashboardView)
        self.refresh_button.setObjectName(u"refresh_button")
        self.refresh_button.setAutoDefault(False)

        self.title_layout.addWidget(self.refresh_button)


        self.main_layout.addLayout(self.title_layout)

        self.today_label = QLabel(DashboardView)
        self.today_label.setObjectName(u"today_label")

        self.main_layout.addWidget(self.today_label)

        self.summary_label = QLabel(DashboardView)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.main_layout.addWidget(self.summary_label)

        self.error_label = ErrorLabel(DashboardView)
        self.error_label.setObjectName(u"error_label")

        self.main_layout.addWidget(self.error_label)

        self.scroll_area = QScrollArea(DashboardView)
        self.scroll_area.setObjectName(u"scroll_area")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.cards_widget = QWidget()
        self.cards_widget.setObjectName(u"cards_widget")
        self.cards_layout = QGridLayout(self.cards_widget)
        self.cards_layout.setObjectName(u"cards_layout")
        self.cards_layout.setHorizontalSpacing(12)
        self.cards_layout.setVerticalSpacing(12)
        self.late_group = QGroupBox(self.cards_widget)
        self.late_group.setObjectName(u"late_group")
        self.late_layout = QVBoxLayout(self.late_group)
        self.late_layout.setSpacing(4)
        self.late_layout.setObjectName(u"late_layout")
        self.late_hint_label = QLabel(self.late_group)
        self.late_hint_label.setObjectName(u"late_hint_label")
        self.late_hint_label.setStyleSheet(u"color: palette(placeholder-text);")
        self.late_hint_label.setWordWrap(True)

        self.late_layout.addWidget(self.late_hint_label)

        self.late_list = QTreeWidget(self.late_group)
        __qtreewidgetitem = QTreeWidgetItem()
        __qtreewidgetitem.setText(0, u"1")
        self.late_list.setHeaderItem(__qtreewidgetitem)
        self.late_list.setObjectName(u"late_list")
        self.late_list.setAlternatingRowColors(True)
        self.late_list.setRootIsDecorated(False)
        self.late_list.setUniformRowHeights(True)
        self.late_list.setItemsExpandable(False)
        self.late_list.setHeaderHidden(True)
        self.late_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.late_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.late_list.setMinimumSize(QSize(0, 40))

        self.late_layout.addWidget(self.late_list)

        self.late_empty_label = QLabel(self.late_group)
        self.late_empty_label.setObjectName(u"late_empty_label")
        self.late_empty_label.setStyleSheet(u"color: palette(placeholder-text);")

        self.late_layout.addWidget(self.late_empty_label)

        self.late_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.late_layout.addItem(self.late_spacer)


        self.cards_layout.addWidget(self.late_group, 0, 0, 1, 1)

        self.leader_group = QGroupBox(self.cards_widget)
        self.leader_group.setObjectName(u"leader_group")
        self.leader_layout = QVBoxLayout(self.leader_group)
        self.leader_layout.setSpacing(4)
        self.leader_layout.setObjectName(u"leader_layout")
        self.leader_hint_label = QLabel(self.leader_group)
        self.leader_hint_label.setObjectName(u"leader_hint_label")
        self.leader_hint_label.setStyleSheet(u"color: palette(placeholder-text);")
        self.leader_hint_label.setWordWrap(True)

        self.leader_layout.addWidget(self.leader_hint_label)

        self.leader_list = QTreeWidget(self.leader_group)
        __qtreewidgetitem1 = QTreeWidgetItem()
        __qtreewidgetitem1.setText(0, u"1")
        self.leader_list.setHeaderItem(__qtreewidgetitem1)
        self.leader_list.setObjectName(u"leader_list")
        self.leader_list.setAlternatingRowColors(True)
        self.leader_list.setRootIsDecorated(False)
        self.leader_list.setUniformRowHeights(True)
        self.leader_list.setItemsExpandable(False)
        self.leader_list.setHeaderHidden(True)
        self.leader_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.leader_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.leader_list.setMinimumSize(QSize(0, 40))

        self.leader_layout.addWidget(self.leader_list)

        self.leader_empty_label = QLabel(self.leader_group)
        self.leader_empty_label.setObjectName(u"leader_empty_label")
        self.leader_empty_label.setStyleSheet(u"color: palette(placeholder-text);")

        self.leader_layout.addWidget(self.leader_empty_label)

        self.leader_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leader_layout.addItem(self.leader_spacer)


        self.cards_layout.addWidget(self.leader_group, 0, 1, 1, 1)

        self.overdue_group = QGroupBox(self.cards_widget)
        self.overdue_group.setObjectName(u"overdue_group")
        self.overdue_layout = QVBoxLayout(self.overdue_group)
        self.overdue_layout.setSpacing(4)
        self.overdue_layout.setObjectName(u"overdue_layout")
        self.overdue_hint_label = QLabel(self.overdue_group)
        self.overdue_hint_label.setObjectName(u"overdue_hint_label")
        self.overdue_hint_label.setStyleSheet(u"color: palette(placeholder-text);")
        self.overdue_hint_label.setWordWrap(True)

        self.overdue_layout.addWidget(self.overdue_hint_label)

        self.overdue_list = QTreeWidget(self.overdue_group)
        __qtreewidgetitem2 = QTreeWidgetItem()
        __qtreewidgetitem2.setText(0, u"1")
        self.overdue_list.setHeaderItem(__qtreewidgetitem2)
        self.overdue_list.setObjectName(u"overdue_list")
        self.overdue_list.setAlternatingRowColors(True)
        self.overdue_list.setRootIsDecorated(False)
        self.overdue_list.setUniformRowHeights(True)
        self.overdue_list.setItemsExpandable(False)
        self.overdue_list.setHeaderHidden(True)
        self.overdue_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.overdue_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.overdue_list.setMinimumSize(QSize(0, 40))

        self.overdue_layout.addWidget(self.overdue_list)

        self.overdue_empty_label = QLabel(self.overdue_group)
        self.overdue_empty_label.setObjectName(u"overdue_empty_label")
        self.overdue_empty_label.setStyleSheet(u"color: palette(placeholder-text);")

        self.overdue_layout.addWidget(self.overdue_empty_label)

        self.overdue_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.overdue_layout.addItem(self.overdue_spacer)


        self.cards_layout.addWidget(self.overdue_group, 1, 0, 1, 1)

        self.permits_group = QGroupBox(self.cards_widget)
        self.permits_group.setObjectName(u"permits_group")
        self.permits_layout = QVBoxLayout(self.permits_group)
        self.permits_layout.setSpacing(4)
        self.permits_layout.setObjectName(u"permits_layout")
        self.permits_hint_label = QLabel(self.permits_group)
        self.permits_hint_label.setObjectName(u"permits_hint_label")
        self.permits_hint_label.setStyleSheet(u"color: palette(placeholder-text);")
        self.permits_hint_label.setWordWrap(True)

        self.permits_layout.addWidget(self.permits_hint_label)

        self.permits_list = QTreeWidget(self.permits_group)
        __qtreewidgetitem3 = QTreeWidgetItem()
        __qtreewidgetitem3.setText(0, u"1")
        self.permits_list.setHeaderItem(__qtreewidgetitem3)
        self.permits_list.setObjectName(u"permits_list")
        self.permits_list.setAlternatingRowColors(True)
        self.permits_list.setRootIsDecorated(False)
        self.permits_list.setUniformRowHeights(True)
        self.permits_list.setItemsExpandable(False)
        self.permits_list.setHeaderHidden(True)
        self.permits_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.permits_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.permits_list.setMinimumSize(QSize(0, 40))

        self.permits_layout.addWidget(self.permits_list)

        self.permits_empty_label = QLabel(self.permits_group)
        self.permits_empty_label.setObjectName(u"permits_empty_label")
        self.permits_empty_label.setStyleSheet(u"color: palette(placeholder-text);")

        self.permits_layout.addWidget(self.permits_empty_label)

        self.permits_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.permits_layout.addItem(self.permits_spacer)


        self.cards_layout.addWidget(self.permits_group, 1, 1, 1, 1)

        self.unsent_group = QGroupBox(self.cards_widget)
        self.unsent_group.setObjectName(u"unsent_group")
        self.unsent_layout = QVBoxLayout(self.unsent_group)
        self.unsent_layout.setSpacing(4)
        self.unsent_layout.setObjectName(u"unsent_layout")
        self.unsent_hint_label = QLabel(self.unsent_group)
        self.unsent_hint_label.setObjectName(u"unsent_hint_label")
        self.unsent_hint_label.setStyleSheet(u"color: palette(placeholder-text);")
        self.unsent_hint_label.setWordWrap(True)

        self.unsent_layout.addWidget(self.unsent_hint_label)

        self.unsent_list = QTreeWidget(self.unsent_group)
        __qtreewidgetitem4 = QTreeWidgetItem()
        __qtreewidgetitem4.setText(0, u"1")
        self.unsent_list.setHeaderItem(__qtreewidgetitem4)
        self.unsent_list.setObjectName(u"unsent_list")
        self.unsent_list.setAlternatingRowColors(True)
        self.unsent_list.setRootIsDecorated(False)
        self.unsent_list.setUniformRowHeights(True)
        self.unsent_list.setItemsExpandable(False)
        self.unsent_list.setHeaderHidden(True)
        self.unsent_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.unsent_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.unsent_list.setMinimumSize(QSize(0, 40))

        self.unsent_layout.addWidget(self.unsent_list)

        self.unsent_empty_label = QLabel(self.unsent_group)
        self.unsent_empty_label.setObjectName(u"unsent_empty_label")
        self.unsent_empty_label.setStyleSheet(u"color: palette(placeholder-text);")

        self.unsent_layout.addWidget(self.unsent_empty_label)

        self.unsent_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.unsent_layout.addItem(self.unsent_spacer)


        self.cards_layout.addWidget(self.unsent_group, 2, 0, 1, 2)

        self.cards_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.cards_layout.addItem(self.cards_spacer, 3, 0, 1, 2)

        self.cards_layout.setRowStretch(3, 1)
        self.scroll_area.setWidget(self.cards_widget)

        self.main_layout.addWidget(self.scroll_area)

        QWidget.setTabOrder(self.refresh_button, self.late_list)
        QWidget.setTabOrder(self.late_list, self.leader_list)
        QWidget.setTabOrder(self.leader_list, self.overdue_list)
        QWidget.setTabOrder(self.overdue_list, self.permits_list)
        QWidget.setTabOrder(self.permits_list, self.unsent_list)

        self.retranslateUi(DashboardView)

        QMetaObject.connectSlotsByName(DashboardView)
    # setupUi

    def retranslateUi(self, DashboardView):
        self.title_label.setText(QCoreApplication.translate("DashboardView", u"Overblik", None))
        self.refresh_button.setText(QCoreApplication.translate("DashboardView", u"&Opdat\u00e9r", None))
#if QT_CONFIG(tooltip)
        self.refresh_button.setToolTip(QCoreApplication.translate("DashboardView", u"Opdat\u00e9r overblikket (F5)", None))
#endif // QT_CONFIG(tooltip)
        self.today_label.setText("")
        self.summary_label.setText("")
        self.late_group.setTitle(QCoreApplication.translate("DashboardView", u"Registreret for sent", None))
        self.late_hint_label.setText(QCoreApplication.translate("DashboardView", u"Magtanvendelser registreret senere end dagen efter, de seneste 60 dage.", None))
        self.late_empty_label.setText(QCoreApplication.translate("DashboardView", u"Intet at g\u00f8re her.", None))
        self.leader_group.setTitle(QCoreApplication.translate("DashboardView", u"Mangler lederens underskrift", None))
        self.leader_hint_label.setText(QCoreApplication.translate("DashboardView", u"M\u00e5nedsskemaer for afsluttede m\u00e5neder, som lederen ikke har underskrevet og sendt.", None))
        self.leader_empty_label.setText(QCoreApplication.translate("DashboardView", u"Intet at g\u00f8re her.", None))
        self.overdue_group.setTitle(QCoreApplication.translate("DashboardView", u"For sent hos myndigheden", None))
        self.overdue_hint_label.setText(QCoreApplication.translate("DashboardView", u"M\u00e5nedsskemaer, der ikke er sendt til myndigheden inden fristen.", None))
        self.overdue_empty_label.setText(QCoreApplication.translate("DashboardView", u"Intet at g\u00f8re her.", None))
        self.permits_group.setTitle(QCoreApplication.translate("DashboardView", u"Tilladelser, der udl\u00f8ber inden for 30 dage", None))
        self.permits_hint_label.setText(QCoreApplication.translate("DashboardView", u"Afg\u00f8relser om magtanvendelse, der snart skal fornyes eller oph\u00f8re.", None))
        self.permits_empty_label.setText(QCoreApplication.translate("DashboardView", u"Intet at g\u00f8re her.", None))
        self.unsent_group.setTitle(QCoreApplication.translate("DashboardView", u"Tilladelse brugt, men intet skema sendt", None))
        self.unsent_hint_label.setText(QCoreApplication.translate("DashboardView", u"M\u00e5neder, hvor der er registreret magtanvendelse, men skemaet ikke er sendt.", None))
        self.unsent_empty_label.setText(QCoreApplication.translate("DashboardView", u"Intet at g\u00f8re her.", None))
        pass
    # retranslateUi

