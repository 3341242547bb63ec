# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'force_page.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTabWidget, QVBoxLayout,
    QWidget)

class Ui_ForcePage(object):
    def setupUi(self, ForcePage):
        if not ForcePage.objectName():
            ForcePage.setObjectName(u"ForcePage")
        ForcePage.resize(1100, 760)
        self.main_layout = QVBoxLayout(ForcePage)
        self.main_layout.setObjectName(u"main_layout")
        self.title_layout = QHBoxLayout()
        self.title_layout.setObjectName(u"title_layout")
        self.title_label = QLabel(ForcePage)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setStyleSheet(u"font-size: 18pt; font-weight: 600;")

        self.title_layout.addWidget(self.title_label)

        self.title_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.title_layout.addItem(self.title_spacer)

        self.register_button = QPushButton(ForcePage)
        self.register_button.setObjectName(u"register_button")
        self.register_button.setAutoDefault(False)
        self.register_button.setStyleSheet(u"QPushButton { font-weight: 600; padding: 6px 14px; }")

        self.title_layout.addWidget(self.register_button)


        self.main_layout.addLayout(self.title_layout)

        self.status_label = QLabel(ForcePage)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet(u"color: #1e6b32;")

        self.main_layout.addWidget(self.status_label)

        self.tabs = QTabWidget(ForcePage)
        self.tabs.setObjectName(u"tabs")
        self.tabs.setDocumentMode(True)

        self.main_layout.addWidget(self.tabs)

        QWidget.setTabOrder(self.register_button, self.tabs)

        self.retranslateUi(ForcePage)

        QMetaObject.connectSlotsByName(ForcePage)
    # setupUi

    def retranslateUi(self, ForcePage):
        self.title_label.setText(QCoreApplication.translate("ForcePage", u"Magtanvendelse", None))
        self.register_button.setText(QCoreApplication.translate("ForcePage", u"&Registr\u00e9r magtanvendelse \u2026", None))
#if QT_CONFIG(tooltip)
        self.register_button.setToolTip(QCoreApplication.translate("ForcePage", u"Registr\u00e9r en magtanvendelse (Ctrl+N)", None))
#endif // QT_CONFIG(tooltip)
        self.status_label.setText("")
        pass
    # retranslateUi

