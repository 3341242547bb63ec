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
        self.staff_group = QGroupBox(self.cards_widget)
        self.staff_group.setObjectName(u"staff_group")
        self.staff_layout = QVBoxLayout(self.staff_group)
        self.staff_layout.setSpacing(4)
        self.staff_layout.setObjectName(u"staff_layout")
        self.staff_hint_label = QLabel(self.staff_group)
        self.staff_hint_label.setObjectName(u"staff_hint_label")
        self.staff_hint_label.setStyleSheet(u"color: palette(placeholder-text);")
        self.staff_hint_label.setWordWrap(True)

        self.staff_layout.addWidget(self.staff_hint_label)

        self.staff_list = QTreeWidget(self.staff_group)
        __qtreewidgetitem = QTreeWidgetItem()
        __qtreewidgetitem.setText(0, u"1")
        self.staff_list.setHeaderItem(__qtreewidgetitem)
        self.staff_list.setObjectName(u"staff_list")
        self.staff_list.setAlternatingRowColors(True)
        self.staff_list.setRootIsDecorated(False)
        self.staff_list.setUniformRowHeights(False)
        self.staff_list.setItemsExpandable(False)
        self.staff_list.setHeaderHidden(True)
        self.staff_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.staff_list.setWordWrap(True)
        self.staff_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.staff_list.setMinimumSize(QSize(0, 40))

        self.staff_layout.addWidget(self.staff_list)

        self.staff_empty_label = QLabel(self.staff_group)
        self.staff_empty_label.setObjectName(u"staff_empty_label")
        self.staff_empty_label.setStyleSheet(u"color: palette(placeholder-text);")

        self.staff_layout.addWidget(self.staff_empty_label)

        self.staff_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.staff_layout.addItem(self.staff_spacer)


        self.cards_layout.addWidget(self.staff_group, 0, 0, 1, 1)

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
        self.leader_list.setUniformRowHeights(False)
        self.leader_list.setItemsExpandable(False)
        self.leader_list.setHeaderHidden(True)
        self.leader_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.leader_list.setWordWrap(True)
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

        self.returned_group = QGroupBox(self.cards_widget)
        self.returned_group.setObjectName(u"returned_group")
        self.returned_layout = QVBoxLayout(self.returned_group)
        self.returned_layout.setSpacing(4)
        self.returned_layout.setObjectName(u"returned_layout")
        self.returned_hint_label = QLabel(self.returned_group)
        self.returned_hint_label.setObjectName(u"returned_hint_label")
        self.returned_hint_label.setStyleSheet(u"color: palette(placeholder-text);")
        self.returned_hint_label.setWordWrap(True)

        self.returned_layout.addWidget(self.returned_hint_label)

        self.returned_list = QTreeWidget(self.returned_group)
        __qtreewidgetitem2 = QTreeWidgetItem()
        __qtreewidgetitem2.setText(0, u"1")
        self.returned_list.setHeaderItem(__qtreewidgetitem2)
        self.returned_list.setObjectName(u"returned_list")
        self.returned_list.setAlternatingRowColors(True)
        self.returned_list.setRootIsDecorated(False)
        self.returned_list.setUniformRowHeights(False)
        self.returned_list.setItemsExpandable(False)
        self.returned_list.setHeaderHidden(True)
        self.returned_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.returned_list.setWordWrap(True)
        self.returned_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.returned_list.setMinimumSize(QSize(0, 40))

        self.returned_layout.addWidget(self.returned_list)

        self.returned_empty_label = QLabel(self.returned_group)
        self.returned_empty_label.setObjectName(u"returned_empty_label")
        self.returned_empty_label.setStyleSheet(u"color: palette(placeholder-text);")

        self.returned_layout.addWidget(self.returned_empty_label)

        self.returned_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.returned_layout.addItem(self.returned_spacer)


        self.cards_layout.addWidget(self.returned_group, 1, 0, 1, 1)

        self.requests_group = QGroupBox(self.cards_widget)
        self.requests_group.setObjectName(u"requests_group")
        self.requests_layout = QVBoxLayout(self.requests_group)
        self.requests_layout.setSpacing(4)
        self.requests_layout.setObjectName(u"requests_layout")
        self.requests_hint_label = QLabel(self.requests_group)
        self.requests_hint_label.setObjectName(u"requests_hint_label")
        self.requests_hint_label.setStyleSheet(u"color: palette(placeholder-text);")
        self.requests_hint_label.setWordWrap(True)

        self.requests_layout.addWidget(self.requests_hint_label)

        self.requests_list = QTreeWidget(self.requests_group)
        __qtreewidgetitem3 = QTreeWidgetItem()
        __qtreewidgetitem3.setText(0, u"1")
        self.requests_list.setHeaderItem(__qtreewidgetitem3)
        self.requests_list.setObjectName(u"requests_list")
        self.requests_list.setAlternatingRowColors(True)
        self.requests_list.setRootIsDecorated(False)
        self.requests_list.setUniformRowHeights(False)
        self.requests_list.setItemsExpandable(False)
        self.requests_list.setHeaderHidden(True)
        self.requests_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.requests_list.setWordWrap(True)
        self.requests_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.requests_list.setMinimumSize(QSize(0, 40))

        self.requests_layout.addWidget(self.requests_list)

        self.requests_empty_label = QLabel(self.requests_group)
        self.requests_empty_label.setObjectName(u"requests_empty_label")
        self.requests_empty_label.setStyleSheet(u"color: palette(placeholder-text);")

        self.requests_layout.addWidget(self.requests_empty_label)

        self.requests_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.requests_layout.addItem(self.requests_spacer)


        self.cards_layout.addWidget(self.requests_group, 1, 1, 1, 1)

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
        __qtreewidgetitem4 = QTreeWidgetItem()
        __qtreewidgetitem4.setText(0, u"1")
        self.late_list.setHeaderItem(__qtreewidgetitem4)
        self.late_list.setObjectName(u"late_list")
        self.late_list.setAlternatingRowColors(True)
        self.late_list.setRootIsDecorated(False)
        self.late_list.setUniformRowHeights(False)
        self.late_list.setItemsExpandable(False)
        self.late_list.setHeaderHidden(True)
        self.late_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.late_list.setWordWrap(True)
        self.late_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.late_list.setMinimumSize(QSize(0, 40))

        self.late_layout.addWidget(self.late_list)

        self.late_empty_label = QLabel(self.late_group)
        self.late_empty_label.setObjectName(u"late_empty_label")
        self.late_empty_label.setStyleSheet(u"color: palette(placeholder-text);")

        self.late_layout.addWidget(self.late_empty_label)

        self.late_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.late_layout.addItem(self.late_spacer)


        self.cards_layout.addWidget(self.late_group, 2, 0, 1, 1)

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
        __qtreewidgetitem5 = QTreeWidgetItem()
        __qtreewidgetitem5.setText(0, u"1")
        self.permits_list.setHeaderItem(__qtreewidgetitem5)
        self.permits_list.setObjectName(u"permits_list")
        self.permits_list.setAlternatingRowColors(True)
        self.permits_list.setRootIsDecorated(False)
        self.permits_list.setUniformRowHeights(False)
        self.permits_list.setItemsExpandable(False)
        self.permits_list.setHeaderHidden(True)
        self.permits_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.permits_list.setWordWrap(True)
        self.permits_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.permits_list.setMinimumSize(QSize(0, 40))

        self.permits_layout.addWidget(self.permits_list)

        self.permits_empty_label = QLabel(self.permits_group)
        self.permits_empty_label.setObjectName(u"permits_empty_label")
        self.permits_empty_label.setStyleSheet(u"color: palette(placeholder-text);")

        self.permits_layout.addWidget(self.permits_empty_label)

        self.permits_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.permits_layout.addItem(self.permits_spacer)


        self.cards_layout.addWidget(self.permits_group, 2, 1, 1, 1)

        self.cards_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.cards_layout.addItem(self.cards_spacer, 3, 0, 1, 2)

        self.cards_layout.setRowStretch(3, 1)
        self.scroll_area.setWidget(self.cards_widget)

        self.main_layout.addWidget(self.scroll_area)

        QWidget.setTabOrder(self.refresh_button, self.staff_list)
        QWidget.setTabOrder(self.staff_list, self.leader_list)
        QWidget.setTabOrder(self.leader_list, self.returned_list)
        QWidget.setTabOrder(self.returned_list, self.requests_list)
        QWidget.setTabOrder(self.requests_list, self.late_list)
        QWidget.setTabOrder(self.late_list, self.permits_list)

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
        self.staff_group.setTitle(QCoreApplication.translate("DashboardView", u"Mangler personalets underskrift", None))
        self.staff_hint_label.setText(QCoreApplication.translate("DashboardView", u"Skemaer med magtanvendelser, hvor afsnit 2 ikke er underskrevet (nye eller rettede magtanvendelser ugyldigg\u00f8r underskriften).", None))
        self.staff_empty_label.setText(QCoreApplication.translate("DashboardView", u"Intet at g\u00f8re her.", None))
        self.leader_group.setTitle(QCoreApplication.translate("DashboardView", u"Mangler lederens underskrift eller afsendelse", None))
        self.leader_hint_label.setText(QCoreApplication.translate("DashboardView", u"Skemaer for afsluttede m\u00e5neder, som venter p\u00e5 lederens vurdering, underskrift eller afsendelse.", None))
        self.leader_empty_label.setText(QCoreApplication.translate("DashboardView", u"Intet at g\u00f8re her.", None))
        self.returned_group.setTitle(QCoreApplication.translate("DashboardView", u"Sendt tilbage af myndigheden", None))
        self.returned_hint_label.setText(QCoreApplication.translate("DashboardView", u"Skemaer, som sagsbehandleren har sendt tilbage, med bem\u00e6rkningen.", None))
        self.returned_empty_label.setText(QCoreApplication.translate("DashboardView", u"Intet at g\u00f8re her.", None))
        self.requests_group.setTitle(QCoreApplication.translate("DashboardView", u"Anmodninger om gen\u00e5bning", None))
        self.requests_hint_label.setText(QCoreApplication.translate("DashboardView", u"Magtanvendelser fundet efter lederens underskrift, som personalet beder om at f\u00e5 p\u00e5 skemaet; afviste anmodninger de seneste 60 dage st\u00e5r med lederens begrundelse.", None))
        self.requests_empty_label.setText(QCoreApplication.translate("DashboardView", u"Intet at g\u00f8re her.", None))
        self.late_group.setTitle(QCoreApplication.translate("DashboardView", u"Registreret for sent", None))
        self.late_hint_label.setText(QCoreApplication.translate("DashboardView", u"Magtanvendelser registreret senere end dagen efter, de seneste 60 dage, p\u00e5 skemaer, der ikke st\u00e5r i en anden liste.", None))
        self.late_empty_label.setText(QCoreApplication.translate("DashboardView", u"Intet at g\u00f8re her.", None))
        self.permits_group.setTitle(QCoreApplication.translate("DashboardView", u"Tilladelser, der udl\u00f8ber inden for 30 dage", None))
        self.permits_hint_label.setText(QCoreApplication.translate("DashboardView", u"Afg\u00f8relser om magtanvendelse, der snart skal fornyes eller oph\u00f8re.", None))
        self.permits_empty_label.setText(QCoreApplication.translate("DashboardView", u"Intet at g\u00f8re her.", None))
        pass
    # retranslateUi

