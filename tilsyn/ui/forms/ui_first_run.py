# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QProgressBar,
    QPushButton, QSizePolicy, QSpacerItem, QStackedWidget,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_FirstRunView(object):
    def setupUi(self, FirstRunView):
        if not FirstRunView.objectName():
            FirstRunView.setObjectName(u"FirstRunView")
        FirstRunView.resize(1280, 760)
        self.outer_layout = QHBoxLayout(FirstRunView)
        self.outer_layout.setObjectName(u"outer_layout")
        self.left_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outer_layout.addItem(self.left_spacer)

        self.content_widget = QWidget(FirstRunView)
        self.content_widget.setObjectName(u"content_widget")
        self.content_widget.setMinimumSize(QSize(760, 0))
        self.content_widget.setMaximumSize(QSize(1000, 16777215))
        self.content_layout = QVBoxLayout(self.content_widget)
        self.content_layout.setSpacing(12)
        self.content_layout.setObjectName(u"content_layout")
        self.title_label = QLabel(self.content_widget)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setStyleSheet(u"font-size: 20pt; font-weight: 600;")

        self.content_layout.addWidget(self.title_label)

        self.intro_label = QLabel(self.content_widget)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.content_layout.addWidget(self.intro_label)

        self.step_stack = QStackedWidget(self.content_widget)
        self.step_stack.setObjectName(u"step_stack")
        self.choice_page = QWidget()
        self.choice_page.setObjectName(u"choice_page")
        self.choice_page_layout = QVBoxLayout(self.choice_page)
        self.choice_page_layout.setObjectName(u"choice_page_layout")
        self.choice_layout = QHBoxLayout()
        self.choice_layout.setSpacing(16)
        self.choice_layout.setObjectName(u"choice_layout")
        self.create_frame = QFrame(self.choice_page)
        self.create_frame.setObjectName(u"create_frame")
        self.create_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.create_frame_layout = QVBoxLayout(self.create_frame)
        self.create_frame_layout.setObjectName(u"create_frame_layout")
        self.create_button = QPushButton(self.create_frame)
        self.create_button.setObjectName(u"create_button")
        self.create_button.setMinimumSize(QSize(0, 48))

        self.create_frame_layout.addWidget(self.create_button)

        self.create_hint_label = QLabel(self.create_frame)
        self.create_hint_label.setObjectName(u"create_hint_label")
        self.create_hint_label.setWordWrap(True)

        self.create_frame_layout.addWidget(self.create_hint_label)

        self.create_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.create_frame_layout.addItem(self.create_spacer)


        self.choice_layout.addWidget(self.create_frame)

        self.demo_frame = QFrame(self.choice_page)
        self.demo_frame.setObjectName(u"demo_frame")
        self.demo_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.demo_frame_layout = QVBoxLayout(self.demo_frame)
        self.demo_frame_layout.setObjectName(u"demo_frame_layout")
        self.demo_button = QPushButton(self.demo_frame)
        self.demo_button.setObjectName(u"demo_button")
        self.demo_button.setMinimumSize(QSize(0, 48))

        self.demo_frame_layout.addWidget(self.demo_button)

        self.demo_hint_label = QLabel(self.demo_frame)
        self.demo_hint_label.setObjectName(u"demo_hint_label")
        self.demo_hint_label.setWordWrap(True)

        self.demo_frame_layout.addWidget(self.demo_hint_label)

        self.demo_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.demo_frame_layout.addItem(self.demo_spacer)


        self.choice_layout.addWidget(self.demo_frame)


        self.choice_page_layout.addLayout(self.choice_layout)

        self.demo_error_label = QLabel(self.choice_page)
        self.demo_error_label.setObjectName(u"demo_error_label")
        self.demo_error_label.setStyleSheet(u"color: #b3261e;")
        self.demo_error_label.setWordWrap(True)

        self.choice_page_layout.addWidget(self.demo_error_label)

        self.choice_bottom_spacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.choice_page_layout.addItem(self.choice_bottom_spacer)

        self.step_stack.addWidget(self.choice_page)
        self.form_page = QWidget()
        self.form_page.setObjectName(u"form_page")
        self.form_page_layout = QVBoxLayout(self.form_page)
        self.form_page_layout.setSpacing(6)
        self.form_page_layout.setObjectName(u"form_page_layout")
        self.municipality_label = QLabel(self.form_page)
        self.municipality_label.setObjectName(u"municipality_label")

        self.form_page_layout.addWidget(self.municipality_label)

        self.municipality_edit = QLineEdit(self.form_page)
        self.municipality_edit.setObjectName(u"municipality_edit")
        self.municipality_edit.setMaximumSize(QSize(420, 16777215))

        self.form_page_layout.addWidget(self.municipality_edit)

        self.municipality_error_label = QLabel(self.form_page)
        self.municipality_error_label.setObjectName(u"municipality_error_label")
        self.municipality_error_label.setStyleSheet(u"color: #b3261e;")
        self.municipality_error_label.setWordWrap(True)

        self.form_page_layout.addWidget(self.municipality_error_label)

        self.homes_label = QLabel(self.form_page)
        self.homes_label.setObjectName(u"homes_label")

        self.form_page_layout.addWidget(self.homes_label)

        self.homes_table = QTableWidget(self.form_page)
        if (self.homes_table.columnCount() < 6):
            self.homes_table.setColumnCount(6)
        __qtablewidgetitem = QTableWidgetItem()
        self.homes_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.homes_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.homes_table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.homes_table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.homes_table.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.homes_table.setHorizontalHeaderItem(5, __qtablewidgetitem5)
        self.homes_table.setObjectName(u"homes_table")
        self.homes_table.setMinimumSize(QSize(0, 220))
        self.homes_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.homes_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.homes_table.horizontalHeader().setStretchLastSection(True)
        self.homes_table.verticalHeader().setVisible(True)

        self.form_page_layout.addWidget(self.homes_table)

        self.row_buttons_layout = QHBoxLayout()
        self.row_buttons_layout.setObjectName(u"row_buttons_layout")
        self.add_home_button = QPushButton(self.form_page)
        self.add_home_button.setObjectName(u"add_home_button")

        self.row_buttons_layout.addWidget(self.add_home_button)

        self.remove_home_button = QPushButton(self.form_page)
        self.remove_home_button.setObjectName(u"remove_home_button")

        self.row_buttons_layout.addWidget(self.remove_home_button)

        self.row_buttons_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.row_buttons_layout.addItem(self.row_buttons_spacer)


        self.form_page_layout.addLayout(self.row_buttons_layout)

        self.homes_error_label = QLabel(self.form_page)
        self.homes_error_label.setObjectName(u"homes_error_label")
        self.homes_error_label.setStyleSheet(u"color: #b3261e;")
        self.homes_error_label.setWordWrap(True)

        self.form_page_layout.addWidget(self.homes_error_label)

        self.form_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.form_page_layout.addItem(self.form_spacer)

        self.form_buttons_layout = QHBoxLayout()
        self.form_buttons_layout.setObjectName(u"form_buttons_layout")
        self.back_button = QPushButton(self.form_page)
        self.back_button.setObjectName(u"back_button")

        self.form_buttons_layout.addWidget(self.back_button)

        self.form_buttons_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.form_buttons_layout.addItem(self.form_buttons_spacer)

        self.create_save_button = QPushButton(self.form_page)
        self.create_save_button.setObjectName(u"create_save_button")

        self.form_buttons_layout.addWidget(self.create_save_button)


        self.form_page_layout.addLayout(self.form_buttons_layout)

        self.step_stack.addWidget(self.form_page)
        self.busy_page = QWidget()
        self.busy_page.setObjectName(u"busy_page")
        self.busy_page_layout = QVBoxLayout(self.busy_page)
        self.busy_page_layout.setObjectName(u"busy_page_layout")
        self.busy_label = QLabel(self.busy_page)
        self.busy_label.setObjectName(u"busy_label")
        self.busy_label.setStyleSheet(u"font-weight: 600;")

        self.busy_page_layout.addWidget(self.busy_label)

        self.progress_bar = QProgressBar(self.busy_page)
        self.progress_bar.setObjectName(u"progress_bar")
        self.progress_bar.setMaximum(0)
        self.progress_bar.setValue(-1)

        self.busy_page_layout.addWidget(self.progress_bar)

        self.busy_detail_label = QLabel(self.busy_page)
        self.busy_detail_label.setObjectName(u"busy_detail_label")
        self.busy_detail_label.setWordWrap(True)

        self.busy_page_layout.addWidget(self.busy_detail_label)

        self.busy_spacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.busy_page_layout.addItem(self.busy_spacer)

        self.step_stack.addWidget(self.busy_page)

        self.content_layout.addWidget(self.step_stack)

        self.database_label = QLabel(self.content_widget)
        self.database_label.setObjectName(u"database_label")
        self.database_label.setStyleSheet(u"color: palette(placeholder-text);")
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.content_layout.addWidget(self.database_label)


        self.outer_layout.addWidget(self.content_widget)

        self.right_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outer_layout.addItem(self.right_spacer)

#if QT_CONFIG(shortcut)
        self.municipality_label.setBuddy(self.municipality_edit)
        self.homes_label.setBuddy(self.homes_table)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.create_button, self.demo_button)
        QWidget.setTabOrder(self.demo_button, self.municipality_edit)
        QWidget.setTabOrder(self.municipality_edit, self.homes_table)
        QWidget.setTabOrder(self.homes_table, self.add_home_button)
        QWidget.setTabOrder(self.add_home_button, self.remove_home_button)
        QWidget.setTabOrder(self.remove_home_button, self.back_button)
        QWidget.setTabOrder(self.back_button, self.create_save_button)

        self.retranslateUi(FirstRunView)

        self.create_save_button.setDefault(True)


        QMetaObject.connectSlotsByName(FirstRunView)
    # setupUi

    def retranslateUi(self, FirstRunView):
        self.title_label.setText(QCoreApplication.translate("FirstRunView", u"Velkommen til Tilsyn", None))
        self.intro_label.setText(QCoreApplication.translate("FirstRunView", u"Der er endnu ingen kommune eller plejecentre i databasen. V\u00e6lg, hvordan du vil begynde.", None))
        self.create_button.setText(QCoreApplication.translate("FirstRunView", u"Opret kommune og plejecentre", None))
        self.create_hint_label.setText(QCoreApplication.translate("FirstRunView", u"Til rigtig brug. Skriv kommunens navn og de plejecentre, der skal registreres magtanvendelse og f\u00f8res tilsyn med. Flere plejecentre kan altid tilf\u00f8jes senere.", None))
        self.demo_button.setText(QCoreApplication.translate("FirstRunView", u"Indl\u00e6s demodata", None))
        self.demo_hint_label.setText(QCoreApplication.translate("FirstRunView", u"Til afpr\u00f8vning og undervisning. En opdigtet kommune med plejecentre, beboere og afg\u00f8relser om magtanvendelse. Brug ikke demodata sammen med rigtige borgeres oplysninger.", None))
        self.municipality_label.setText(QCoreApplication.translate("FirstRunView", u"&Kommunens navn:", None))
        self.municipality_edit.setPlaceholderText(QCoreApplication.translate("FirstRunView", u"F.eks. Vejle Kommune", None))
        self.homes_label.setText(QCoreApplication.translate("FirstRunView", u"&Plejecentre (\u00e9n pr. r\u00e6kke; afdelinger adskilles med komma):", None))
        ___qtablewidgetitem = self.homes_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("FirstRunView", u"Navn", None))
        ___qtablewidgetitem1 = self.homes_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("FirstRunView", u"Type", None))
        ___qtablewidgetitem2 = self.homes_table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("FirstRunView", u"Adresse", None))
        ___qtablewidgetitem3 = self.homes_table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("FirstRunView", u"Postnr.", None))
        ___qtablewidgetitem4 = self.homes_table.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("FirstRunView", u"By", None))
        ___qtablewidgetitem5 = self.homes_table.horizontalHeaderItem(5)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("FirstRunView", u"Afdelinger", None))
        self.add_home_button.setText(QCoreApplication.translate("FirstRunView", u"&Tilf\u00f8j plejecenter", None))
        self.remove_home_button.setText(QCoreApplication.translate("FirstRunView", u"&Fjern markeret r\u00e6kke", None))
        self.back_button.setText(QCoreApplication.translate("FirstRunView", u"Tilbage", None))
        self.create_save_button.setText(QCoreApplication.translate("FirstRunView", u"&Opret kommune og plejecentre", None))
        self.busy_label.setText(QCoreApplication.translate("FirstRunView", u"Indl\u00e6ser demodata \u2026", None))
        self.busy_detail_label.setText("")
        pass
    # retranslateUi

