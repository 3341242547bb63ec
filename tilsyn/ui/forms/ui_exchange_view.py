# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'exchange_view.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QListWidget, QListWidgetItem,
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_ExchangeView(object):
    def setupUi(self, ExchangeView):
        if not ExchangeView.objectName():
            ExchangeView.setObjectName(u"ExchangeView")
        ExchangeView.resize(1000, 700)
        self.main_layout = QVBoxLayout(ExchangeView)
        self.main_layout.setObjectName(u"main_layout")
        self.title_label = QLabel(ExchangeView)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setTextFormat(Qt.RichText)

        self.main_layout.addWidget(self.title_label)

        self.site_label = QLabel(ExchangeView)
        self.site_label.setObjectName(u"site_label")
        self.site_label.setWordWrap(True)

        self.main_layout.addWidget(self.site_label)

        self.waiting_label = QLabel(ExchangeView)
        self.waiting_label.setObjectName(u"waiting_label")
        self.waiting_label.setWordWrap(True)

        self.main_layout.addWidget(self.waiting_label)

        self.peers_table = QTableWidget(ExchangeView)
        self.peers_table.setObjectName(u"peers_table")
        self.peers_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.peers_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.peers_table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.peers_table.setMaximumSize(QSize(16777215, 150))

        self.main_layout.addWidget(self.peers_table)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.pack_button = QPushButton(ExchangeView)
        self.pack_button.setObjectName(u"pack_button")

        self.buttons_layout.addWidget(self.pack_button)

        self.unpack_button = QPushButton(ExchangeView)
        self.unpack_button.setObjectName(u"unpack_button")

        self.buttons_layout.addWidget(self.unpack_button)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)


        self.main_layout.addLayout(self.buttons_layout)

        self.result_label = QLabel(ExchangeView)
        self.result_label.setObjectName(u"result_label")
        self.result_label.setWordWrap(True)

        self.main_layout.addWidget(self.result_label)

        self.error_label = QLabel(ExchangeView)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.conflicts_group = QGroupBox(ExchangeView)
        self.conflicts_group.setObjectName(u"conflicts_group")
        self.conflicts_layout = QVBoxLayout(self.conflicts_group)
        self.conflicts_layout.setObjectName(u"conflicts_layout")
        self.conflicts_label = QLabel(self.conflicts_group)
        self.conflicts_label.setObjectName(u"conflicts_label")
        self.conflicts_label.setWordWrap(True)

        self.conflicts_layout.addWidget(self.conflicts_label)

        self.conflict_panes = QHBoxLayout()
        self.conflict_panes.setObjectName(u"conflict_panes")
        self.conflicts_list = QListWidget(self.conflicts_group)
        self.conflicts_list.setObjectName(u"conflicts_list")
        self.conflicts_list.setMaximumSize(QSize(380, 16777215))

        self.conflict_panes.addWidget(self.conflicts_list)

        self.conflict_table = QTableWidget(self.conflicts_group)
        self.conflict_table.setObjectName(u"conflict_table")
        self.conflict_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.conflict_table.setWordWrap(True)

        self.conflict_panes.addWidget(self.conflict_table)


        self.conflicts_layout.addLayout(self.conflict_panes)

        self.resolve_layout = QHBoxLayout()
        self.resolve_layout.setObjectName(u"resolve_layout")
        self.resolve_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.resolve_layout.addItem(self.resolve_spacer)

        self.keep_local_button = QPushButton(self.conflicts_group)
        self.keep_local_button.setObjectName(u"keep_local_button")

        self.resolve_layout.addWidget(self.keep_local_button)

        self.keep_incoming_button = QPushButton(self.conflicts_group)
        self.keep_incoming_button.setObjectName(u"keep_incoming_button")

        self.resolve_layout.addWidget(self.keep_incoming_button)


        self.conflicts_layout.addLayout(self.resolve_layout)


        self.main_layout.addWidget(self.conflicts_group)


        self.retranslateUi(ExchangeView)

        QMetaObject.connectSlotsByName(ExchangeView)
    # setupUi

    def retranslateUi(self, ExchangeView):
        self.title_label.setText(QCoreApplication.translate("ExchangeView", u"<h2>Udveksling</h2>", None))
        self.site_label.setText("")
        self.waiting_label.setText("")
#if QT_CONFIG(accessibility)
        self.peers_table.setAccessibleName(QCoreApplication.translate("ExchangeView", u"Forbundne computere", None))
#endif // QT_CONFIG(accessibility)
        self.pack_button.setText(QCoreApplication.translate("ExchangeView", u"&Gem udvekslingsfil \u2026", None))
        self.unpack_button.setText(QCoreApplication.translate("ExchangeView", u"&Indl\u00e6s udvekslingsfil \u2026", None))
        self.result_label.setText("")
        self.error_label.setText("")
        self.error_label.setStyleSheet(QCoreApplication.translate("ExchangeView", u"color: #a40000;", None))
        self.conflicts_group.setTitle(QCoreApplication.translate("ExchangeView", u"Konflikter", None))
        self.conflicts_label.setText("")
#if QT_CONFIG(accessibility)
        self.conflicts_list.setAccessibleName(QCoreApplication.translate("ExchangeView", u"Konflikter", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.conflict_table.setAccessibleName(QCoreApplication.translate("ExchangeView", u"De to versioner", None))
#endif // QT_CONFIG(accessibility)
        self.keep_local_button.setText(QCoreApplication.translate("ExchangeView", u"Behold &vores version \u2026", None))
        self.keep_incoming_button.setText(QCoreApplication.translate("ExchangeView", u"&Tag den anden version \u2026", None))
        pass
    # retranslateUi

