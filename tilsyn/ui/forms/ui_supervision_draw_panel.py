# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'supervision_draw_panel.ui'
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
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QTableView, QVBoxLayout, QWidget)

from tilsyn.ui.views.supervision_widgets import WrapLabel
from tilsyn.ui.widgets.error_label import ErrorLabel

class Ui_DrawPanel(object):
    def setupUi(self, DrawPanel):
        if not DrawPanel.objectName():
            DrawPanel.setObjectName(u"DrawPanel")
        self.panel_layout = QVBoxLayout(DrawPanel)
        self.panel_layout.setSpacing(6)
        self.panel_layout.setObjectName(u"panel_layout")
        self.panel_layout.setContentsMargins(0, 0, 0, 0)
        self.heading_layout = QHBoxLayout()
        self.heading_layout.setObjectName(u"heading_layout")
        self.heading_label = QLabel(DrawPanel)
        self.heading_label.setObjectName(u"heading_label")
        self.heading_label.setStyleSheet(u"font-weight: 600; font-size: 12pt;")

        self.heading_layout.addWidget(self.heading_label)

        self.heading_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.heading_layout.addItem(self.heading_spacer)

        self.draw_choice_label = QLabel(DrawPanel)
        self.draw_choice_label.setObjectName(u"draw_choice_label")

        self.heading_layout.addWidget(self.draw_choice_label)

        self.draw_combo = QComboBox(DrawPanel)
        self.draw_combo.setObjectName(u"draw_combo")
        self.draw_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.heading_layout.addWidget(self.draw_combo)


        self.panel_layout.addLayout(self.heading_layout)

        self.info_label = WrapLabel(DrawPanel)
        self.info_label.setObjectName(u"info_label")
        self.info_label.setTextFormat(Qt.TextFormat.RichText)

        self.panel_layout.addWidget(self.info_label)

        self.new_draw_widget = QWidget(DrawPanel)
        self.new_draw_widget.setObjectName(u"new_draw_widget")
        self.new_draw_layout = QHBoxLayout(self.new_draw_widget)
        self.new_draw_layout.setObjectName(u"new_draw_layout")
        self.new_draw_layout.setContentsMargins(0, 0, 0, 0)
        self.seed_label = QLabel(self.new_draw_widget)
        self.seed_label.setObjectName(u"seed_label")

        self.new_draw_layout.addWidget(self.seed_label)

        self.seed_edit = QLineEdit(self.new_draw_widget)
        self.seed_edit.setObjectName(u"seed_edit")
        self.seed_edit.setMaxLength(40)
        self.seed_edit.setMaximumSize(QSize(160, 16777215))

        self.new_draw_layout.addWidget(self.seed_edit)

        self.size_label = QLabel(self.new_draw_widget)
        self.size_label.setObjectName(u"size_label")

        self.new_draw_layout.addWidget(self.size_label)

        self.size_spin = QSpinBox(self.new_draw_widget)
        self.size_spin.setObjectName(u"size_spin")
        self.size_spin.setMinimum(1)
        self.size_spin.setMaximum(50)

        self.new_draw_layout.addWidget(self.size_spin)

        self.draw_button = QPushButton(self.new_draw_widget)
        self.draw_button.setObjectName(u"draw_button")

        self.new_draw_layout.addWidget(self.draw_button)

        self.exclude_button = QPushButton(self.new_draw_widget)
        self.exclude_button.setObjectName(u"exclude_button")

        self.new_draw_layout.addWidget(self.exclude_button)

        self.new_draw_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.new_draw_layout.addItem(self.new_draw_spacer)


        self.panel_layout.addWidget(self.new_draw_widget)

        self.exclusions_label = WrapLabel(DrawPanel)
        self.exclusions_label.setObjectName(u"exclusions_label")
        self.exclusions_label.setTextFormat(Qt.TextFormat.RichText)

        self.panel_layout.addWidget(self.exclusions_label)

        self.members_row_layout = QHBoxLayout()
        self.members_row_layout.setSpacing(12)
        self.members_row_layout.setObjectName(u"members_row_layout")
        self.members_table = QTableView(DrawPanel)
        self.members_table.setObjectName(u"members_table")
        self.members_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members_table.setAlternatingRowColors(True)
        self.members_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.members_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members_table.setSortingEnabled(False)
        self.members_table.setWordWrap(False)

        self.members_row_layout.addWidget(self.members_table)

        self.contacts_group = QGroupBox(DrawPanel)
        self.contacts_group.setObjectName(u"contacts_group")
        self.contacts_group.setMinimumSize(QSize(260, 0))
        self.contacts_layout = QVBoxLayout(self.contacts_group)
        self.contacts_layout.setObjectName(u"contacts_layout")
        self.contacts_label = WrapLabel(self.contacts_group)
        self.contacts_label.setObjectName(u"contacts_label")
        self.contacts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.contacts_layout.addWidget(self.contacts_label)

        self.contacts_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contacts_layout.addItem(self.contacts_spacer)


        self.members_row_layout.addWidget(self.contacts_group)


        self.panel_layout.addLayout(self.members_row_layout)

        self.draw_buttons_layout = QHBoxLayout()
        self.draw_buttons_layout.setObjectName(u"draw_buttons_layout")
        self.refuse_button = QPushButton(DrawPanel)
        self.refuse_button.setObjectName(u"refuse_button")

        self.draw_buttons_layout.addWidget(self.refuse_button)

        self.redraw_button = QPushButton(DrawPanel)
        self.redraw_button.setObjectName(u"redraw_button")

        self.draw_buttons_layout.addWidget(self.redraw_button)

        self.verify_button = QPushButton(DrawPanel)
        self.verify_button.setObjectName(u"verify_button")

        self.draw_buttons_layout.addWidget(self.verify_button)

        self.draw_buttons_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.draw_buttons_layout.addItem(self.draw_buttons_spacer)


        self.panel_layout.addLayout(self.draw_buttons_layout)

        self.error_label = ErrorLabel(DrawPanel)
        self.error_label.setObjectName(u"error_label")

        self.panel_layout.addWidget(self.error_label)

        self.verify_label = WrapLabel(DrawPanel)
        self.verify_label.setObjectName(u"verify_label")

        self.panel_layout.addWidget(self.verify_label)

#if QT_CONFIG(shortcut)
        self.draw_choice_label.setBuddy(self.draw_combo)
        self.seed_label.setBuddy(self.seed_edit)
        self.size_label.setBuddy(self.size_spin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.draw_combo, self.seed_edit)
        QWidget.setTabOrder(self.seed_edit, self.size_spin)
        QWidget.setTabOrder(self.size_spin, self.draw_button)
        QWidget.setTabOrder(self.draw_button, self.exclude_button)
        QWidget.setTabOrder(self.exclude_button, self.members_table)
        QWidget.setTabOrder(self.members_table, self.refuse_button)
        QWidget.setTabOrder(self.refuse_button, self.redraw_button)
        QWidget.setTabOrder(self.redraw_button, self.verify_button)

        self.retranslateUi(DrawPanel)

        QMetaObject.connectSlotsByName(DrawPanel)
    # setupUi

    def retranslateUi(self, DrawPanel):
        self.draw_choice_label.setText(QCoreApplication.translate("DrawPanel", u"&Udtr\u00e6kning:", None))
        self.seed_label.setText(QCoreApplication.translate("DrawPanel", u"&Fr\u00f8:", None))
        self.size_label.setText(QCoreApplication.translate("DrawPanel", u"&Antal:", None))
        self.draw_button.setText(QCoreApplication.translate("DrawPanel", u"&Udtr\u00e6k stikpr\u00f8ve", None))
        self.exclude_button.setText(QCoreApplication.translate("DrawPanel", u"Udelad beboer\u2026", None))
        self.contacts_group.setTitle(QCoreApplication.translate("DrawPanel", u"P\u00e5r\u00f8rende at ringe til", None))
        self.refuse_button.setText(QCoreApplication.translate("DrawPanel", u"&Afslag \u2013 erstat \u2026", None))
        self.redraw_button.setText(QCoreApplication.translate("DrawPanel", u"&Tr\u00e6k om \u2026", None))
        self.verify_button.setText(QCoreApplication.translate("DrawPanel", u"&Kontroll\u00e9r stikpr\u00f8ve", None))
        pass
    # retranslateUi

