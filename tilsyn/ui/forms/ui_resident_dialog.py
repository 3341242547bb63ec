# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'resident_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDialog,
    QFormLayout, QFrame, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTabWidget, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

from tilsyn.ui.widgets.date_edit import DanishDateEdit
from tilsyn.ui.widgets.error_label import ErrorLabel

class Ui_ResidentDialog(object):
    def setupUi(self, ResidentDialog):
        if not ResidentDialog.objectName():
            ResidentDialog.setObjectName(u"ResidentDialog")
        ResidentDialog.resize(900, 560)
        self.main_layout = QVBoxLayout(ResidentDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.tabs = QTabWidget(ResidentDialog)
        self.tabs.setObjectName(u"tabs")
        self.master_tab = QWidget()
        self.master_tab.setObjectName(u"master_tab")
        self.master_layout = QHBoxLayout(self.master_tab)
        self.master_layout.setObjectName(u"master_layout")
        self.left_column_layout = QVBoxLayout()
        self.left_column_layout.setObjectName(u"left_column_layout")
        self.person_group = QGroupBox(self.master_tab)
        self.person_group.setObjectName(u"person_group")
        self.person_layout = QFormLayout(self.person_group)
        self.person_layout.setObjectName(u"person_layout")
        self.person_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.person_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTrailing|Qt.AlignmentFlag.AlignVCenter)
        self.cpr_label = QLabel(self.person_group)
        self.cpr_label.setObjectName(u"cpr_label")

        self.person_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.cpr_label)

        self.cpr_edit = QLineEdit(self.person_group)
        self.cpr_edit.setObjectName(u"cpr_edit")
        self.cpr_edit.setMaxLength(11)
        self.cpr_edit.setMaximumSize(QSize(140, 16777215))

        self.person_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.cpr_edit)

        self.cpr_error_label = ErrorLabel(self.person_group)
        self.cpr_error_label.setObjectName(u"cpr_error_label")

        self.person_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.cpr_error_label)

        self.name_label = QLabel(self.person_group)
        self.name_label.setObjectName(u"name_label")

        self.person_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(self.person_group)
        self.name_edit.setObjectName(u"name_edit")
        self.name_edit.setMaxLength(200)

        self.person_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.name_error_label = ErrorLabel(self.person_group)
        self.name_error_label.setObjectName(u"name_error_label")

        self.person_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.name_error_label)

        self.address_label = QLabel(self.person_group)
        self.address_label.setObjectName(u"address_label")

        self.person_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.address_label)

        self.address_edit = QLineEdit(self.person_group)
        self.address_edit.setObjectName(u"address_edit")
        self.address_edit.setMaxLength(200)

        self.person_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.address_edit)

        self.address_error_label = ErrorLabel(self.person_group)
        self.address_error_label.setObjectName(u"address_error_label")

        self.person_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.address_error_label)

        self.postal_code_label = QLabel(self.person_group)
        self.postal_code_label.setObjectName(u"postal_code_label")

        self.person_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.postal_code_label)

        self.postal_code_edit = QLineEdit(self.person_group)
        self.postal_code_edit.setObjectName(u"postal_code_edit")
        self.postal_code_edit.setMaxLength(4)
        self.postal_code_edit.setMaximumSize(QSize(70, 16777215))

        self.person_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.postal_code_edit)

        self.postal_code_error_label = ErrorLabel(self.person_group)
        self.postal_code_error_label.setObjectName(u"postal_code_error_label")

        self.person_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.postal_code_error_label)

        self.city_label = QLabel(self.person_group)
        self.city_label.setObjectName(u"city_label")

        self.person_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.city_label)

        self.city_edit = QLineEdit(self.person_group)
        self.city_edit.setObjectName(u"city_edit")
        self.city_edit.setMaxLength(100)

        self.person_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.city_edit)

        self.city_error_label = ErrorLabel(self.person_group)
        self.city_error_label.setObjectName(u"city_error_label")

        self.person_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.city_error_label)


        self.left_column_layout.addWidget(self.person_group)

        self.municipality_group = QGroupBox(self.master_tab)
        self.municipality_group.setObjectName(u"municipality_group")
        self.municipality_layout = QFormLayout(self.municipality_group)
        self.municipality_layout.setObjectName(u"municipality_layout")
        self.municipality_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.municipality_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTrailing|Qt.AlignmentFlag.AlignVCenter)
        self.acting_municipality_label = QLabel(self.municipality_group)
        self.acting_municipality_label.setObjectName(u"acting_municipality_label")

        self.municipality_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.acting_municipality_label)

        self.acting_municipality_edit = QLineEdit(self.municipality_group)
        self.acting_municipality_edit.setObjectName(u"acting_municipality_edit")
        self.acting_municipality_edit.setMaxLength(100)

        self.municipality_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.acting_municipality_edit)

        self.acting_municipality_error_label = ErrorLabel(self.municipality_group)
        self.acting_municipality_error_label.setObjectName(u"acting_municipality_error_label")

        self.municipality_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.acting_municipality_error_label)

        self.residence_municipality_label = QLabel(self.municipality_group)
        self.residence_municipality_label.setObjectName(u"residence_municipality_label")

        self.municipality_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.residence_municipality_label)

        self.residence_municipality_edit = QLineEdit(self.municipality_group)
        self.residence_municipality_edit.setObjectName(u"residence_municipality_edit")
        self.residence_municipality_edit.setMaxLength(100)

        self.municipality_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.residence_municipality_edit)

        self.residence_municipality_error_label = ErrorLabel(self.municipality_group)
        self.residence_municipality_error_label.setObjectName(u"residence_municipality_error_label")

        self.municipality_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.residence_municipality_error_label)


        self.left_column_layout.addWidget(self.municipality_group)

        self.left_column_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.left_column_layout.addItem(self.left_column_spacer)


        self.master_layout.addLayout(self.left_column_layout)

        self.right_column_layout = QVBoxLayout()
        self.right_column_layout.setObjectName(u"right_column_layout")
        self.stay_group = QGroupBox(self.master_tab)
        self.stay_group.setObjectName(u"stay_group")
        self.stay_layout = QFormLayout(self.stay_group)
        self.stay_layout.setObjectName(u"stay_layout")
        self.stay_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.stay_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTrailing|Qt.AlignmentFlag.AlignVCenter)
        self.care_home_label = QLabel(self.stay_group)
        self.care_home_label.setObjectName(u"care_home_label")

        self.stay_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.care_home_label)

        self.care_home_combo = QComboBox(self.stay_group)
        self.care_home_combo.setObjectName(u"care_home_combo")

        self.stay_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.care_home_combo)

        self.care_home_error_label = ErrorLabel(self.stay_group)
        self.care_home_error_label.setObjectName(u"care_home_error_label")

        self.stay_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.care_home_error_label)

        self.unit_label = QLabel(self.stay_group)
        self.unit_label.setObjectName(u"unit_label")

        self.stay_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.unit_label)

        self.unit_combo = QComboBox(self.stay_group)
        self.unit_combo.setObjectName(u"unit_combo")

        self.stay_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.unit_combo)

        self.unit_error_label = ErrorLabel(self.stay_group)
        self.unit_error_label.setObjectName(u"unit_error_label")

        self.stay_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.unit_error_label)

        self.room_label = QLabel(self.stay_group)
        self.room_label.setObjectName(u"room_label")

        self.stay_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.room_label)

        self.room_edit = QLineEdit(self.stay_group)
        self.room_edit.setObjectName(u"room_edit")
        self.room_edit.setMaxLength(20)
        self.room_edit.setMaximumSize(QSize(140, 16777215))

        self.stay_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.room_edit)

        self.room_error_label = ErrorLabel(self.stay_group)
        self.room_error_label.setObjectName(u"room_error_label")

        self.stay_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.room_error_label)

        self.move_in_label = QLabel(self.stay_group)
        self.move_in_label.setObjectName(u"move_in_label")

        self.stay_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.move_in_label)

        self.move_in_edit = DanishDateEdit(self.stay_group)
        self.move_in_edit.setObjectName(u"move_in_edit")
        self.move_in_edit.setMaximumSize(QSize(140, 16777215))

        self.stay_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.move_in_edit)

        self.move_in_error_label = ErrorLabel(self.stay_group)
        self.move_in_error_label.setObjectName(u"move_in_error_label")

        self.stay_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.move_in_error_label)

        self.move_out_label = QLabel(self.stay_group)
        self.move_out_label.setObjectName(u"move_out_label")

        self.stay_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.move_out_label)

        self.move_out_edit = DanishDateEdit(self.stay_group)
        self.move_out_edit.setObjectName(u"move_out_edit")
        self.move_out_edit.setMaximumSize(QSize(140, 16777215))

        self.stay_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.move_out_edit)

        self.move_out_error_label = ErrorLabel(self.stay_group)
        self.move_out_error_label.setObjectName(u"move_out_error_label")

        self.stay_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.move_out_error_label)

        self.contact_person_label = QLabel(self.stay_group)
        self.contact_person_label.setObjectName(u"contact_person_label")

        self.stay_layout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.contact_person_label)

        self.contact_person_edit = QLineEdit(self.stay_group)
        self.contact_person_edit.setObjectName(u"contact_person_edit")
        self.contact_person_edit.setMaxLength(200)

        self.stay_layout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.contact_person_edit)

        self.contact_person_error_label = ErrorLabel(self.stay_group)
        self.contact_person_error_label.setObjectName(u"contact_person_error_label")

        self.stay_layout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.contact_person_error_label)


        self.right_column_layout.addWidget(self.stay_group)

        self.right_column_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.right_column_layout.addItem(self.right_column_spacer)


        self.master_layout.addLayout(self.right_column_layout)

        self.tabs.addTab(self.master_tab, "")
        self.relatives_tab = QWidget()
        self.relatives_tab.setObjectName(u"relatives_tab")
        self.relatives_layout = QVBoxLayout(self.relatives_tab)
        self.relatives_layout.setObjectName(u"relatives_layout")
        self.relatives_intro_label = QLabel(self.relatives_tab)
        self.relatives_intro_label.setObjectName(u"relatives_intro_label")
        self.relatives_intro_label.setWordWrap(True)

        self.relatives_layout.addWidget(self.relatives_intro_label)

        self.relatives_table = QTableWidget(self.relatives_tab)
        if (self.relatives_table.columnCount() < 3):
            self.relatives_table.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.relatives_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.relatives_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.relatives_table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.relatives_table.setObjectName(u"relatives_table")
        self.relatives_table.setAlternatingRowColors(True)
        self.relatives_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.relatives_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.relatives_table.setColumnCount(3)

        self.relatives_layout.addWidget(self.relatives_table)

        self.relatives_error_label = ErrorLabel(self.relatives_tab)
        self.relatives_error_label.setObjectName(u"relatives_error_label")

        self.relatives_layout.addWidget(self.relatives_error_label)

        self.relatives_buttons_layout = QHBoxLayout()
        self.relatives_buttons_layout.setObjectName(u"relatives_buttons_layout")
        self.add_relative_button = QPushButton(self.relatives_tab)
        self.add_relative_button.setObjectName(u"add_relative_button")
        self.add_relative_button.setAutoDefault(False)

        self.relatives_buttons_layout.addWidget(self.add_relative_button)

        self.remove_relative_button = QPushButton(self.relatives_tab)
        self.remove_relative_button.setObjectName(u"remove_relative_button")
        self.remove_relative_button.setEnabled(False)
        self.remove_relative_button.setAutoDefault(False)

        self.relatives_buttons_layout.addWidget(self.remove_relative_button)

        self.relatives_buttons_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.relatives_buttons_layout.addItem(self.relatives_buttons_spacer)


        self.relatives_layout.addLayout(self.relatives_buttons_layout)

        self.tabs.addTab(self.relatives_tab, "")
        self.permits_tab = QWidget()
        self.permits_tab.setObjectName(u"permits_tab")
        self.permits_layout = QVBoxLayout(self.permits_tab)
        self.permits_layout.setObjectName(u"permits_layout")
        self.permits_hint_frame = QFrame(self.permits_tab)
        self.permits_hint_frame.setObjectName(u"permits_hint_frame")
        self.permits_hint_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.permits_hint_layout = QHBoxLayout(self.permits_hint_frame)
        self.permits_hint_layout.setObjectName(u"permits_hint_layout")
        self.permits_hint_label = QLabel(self.permits_hint_frame)
        self.permits_hint_label.setObjectName(u"permits_hint_label")
        self.permits_hint_label.setWordWrap(True)

        self.permits_hint_layout.addWidget(self.permits_hint_label)

        self.save_first_button = QPushButton(self.permits_hint_frame)
        self.save_first_button.setObjectName(u"save_first_button")
        self.save_first_button.setAutoDefault(False)

        self.permits_hint_layout.addWidget(self.save_first_button)

        self.permits_hint_layout.setStretch(0, 1)

        self.permits_layout.addWidget(self.permits_hint_frame)

        self.no_permits_label = QLabel(self.permits_tab)
        self.no_permits_label.setObjectName(u"no_permits_label")

        self.permits_layout.addWidget(self.no_permits_label)

        self.permits_table = QTableWidget(self.permits_tab)
        if (self.permits_table.columnCount() < 4):
            self.permits_table.setColumnCount(4)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.permits_table.setHorizontalHeaderItem(0, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.permits_table.setHorizontalHeaderItem(1, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.permits_table.setHorizontalHeaderItem(2, __qtablewidgetitem5)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.permits_table.setHorizontalHeaderItem(3, __qtablewidgetitem6)
        self.permits_table.setObjectName(u"permits_table")
        self.permits_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.permits_table.setAlternatingRowColors(True)
        self.permits_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.permits_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.permits_table.setWordWrap(False)
        self.permits_table.setColumnCount(4)

        self.permits_layout.addWidget(self.permits_table)

        self.permits_error_label = ErrorLabel(self.permits_tab)
        self.permits_error_label.setObjectName(u"permits_error_label")

        self.permits_layout.addWidget(self.permits_error_label)

        self.permits_buttons_layout = QHBoxLayout()
        self.permits_buttons_layout.setObjectName(u"permits_buttons_layout")
        self.new_permit_button = QPushButton(self.permits_tab)
        self.new_permit_button.setObjectName(u"new_permit_button")
        self.new_permit_button.setAutoDefault(False)

        self.permits_buttons_layout.addWidget(self.new_permit_button)

        self.edit_permit_button = QPushButton(self.permits_tab)
        self.edit_permit_button.setObjectName(u"edit_permit_button")
        self.edit_permit_button.setEnabled(False)
        self.edit_permit_button.setAutoDefault(False)

        self.permits_buttons_layout.addWidget(self.edit_permit_button)

        self.delete_permit_button = QPushButton(self.permits_tab)
        self.delete_permit_button.setObjectName(u"delete_permit_button")
        self.delete_permit_button.setEnabled(False)
        self.delete_permit_button.setAutoDefault(False)

        self.permits_buttons_layout.addWidget(self.delete_permit_button)

        self.permits_buttons_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.permits_buttons_layout.addItem(self.permits_buttons_spacer)


        self.permits_layout.addLayout(self.permits_buttons_layout)

        self.tabs.addTab(self.permits_tab, "")

        self.main_layout.addWidget(self.tabs)

        self.form_error_label = ErrorLabel(ResidentDialog)
        self.form_error_label.setObjectName(u"form_error_label")

        self.main_layout.addWidget(self.form_error_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.buttons_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.save_button = QPushButton(ResidentDialog)
        self.save_button.setObjectName(u"save_button")

        self.buttons_layout.addWidget(self.save_button)

        self.cancel_button = QPushButton(ResidentDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.cancel_button)


        self.main_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.cpr_label.setBuddy(self.cpr_edit)
        self.name_label.setBuddy(self.name_edit)
        self.address_label.setBuddy(self.address_edit)
        self.postal_code_label.setBuddy(self.postal_code_edit)
        self.city_label.setBuddy(self.city_edit)
        self.acting_municipality_label.setBuddy(self.acting_municipality_edit)
        self.residence_municipality_label.setBuddy(self.residence_municipality_edit)
        self.care_home_label.setBuddy(self.care_home_combo)
        self.unit_label.setBuddy(self.unit_combo)
        self.room_label.setBuddy(self.room_edit)
        self.move_in_label.setBuddy(self.move_in_edit)
        self.move_out_label.setBuddy(self.move_out_edit)
        self.contact_person_label.setBuddy(self.contact_person_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.cpr_edit, self.name_edit)
        QWidget.setTabOrder(self.name_edit, self.address_edit)
        QWidget.setTabOrder(self.address_edit, self.postal_code_edit)
        QWidget.setTabOrder(self.postal_code_edit, self.city_edit)
        QWidget.setTabOrder(self.city_edit, self.acting_municipality_edit)
        QWidget.setTabOrder(self.acting_municipality_edit, self.residence_municipality_edit)
        QWidget.setTabOrder(self.residence_municipality_edit, self.care_home_combo)
        QWidget.setTabOrder(self.care_home_combo, self.unit_combo)
        QWidget.setTabOrder(self.unit_combo, self.room_edit)
        QWidget.setTabOrder(self.room_edit, self.move_in_edit)
        QWidget.setTabOrder(self.move_in_edit, self.move_out_edit)
        QWidget.setTabOrder(self.move_out_edit, self.contact_person_edit)
        QWidget.setTabOrder(self.contact_person_edit, self.save_button)
        QWidget.setTabOrder(self.save_button, self.cancel_button)
        QWidget.setTabOrder(self.cancel_button, self.tabs)
        QWidget.setTabOrder(self.tabs, self.relatives_table)
        QWidget.setTabOrder(self.relatives_table, self.add_relative_button)
        QWidget.setTabOrder(self.add_relative_button, self.remove_relative_button)
        QWidget.setTabOrder(self.remove_relative_button, self.save_first_button)
        QWidget.setTabOrder(self.save_first_button, self.permits_table)
        QWidget.setTabOrder(self.permits_table, self.new_permit_button)
        QWidget.setTabOrder(self.new_permit_button, self.edit_permit_button)
        QWidget.setTabOrder(self.edit_permit_button, self.delete_permit_button)

        self.retranslateUi(ResidentDialog)

        self.tabs.setCurrentIndex(0)
        self.save_button.setDefault(True)


        QMetaObject.connectSlotsByName(ResidentDialog)
    # setupUi

    def retranslateUi(self, ResidentDialog):
        ResidentDialog.setWindowTitle(QCoreApplication.translate("ResidentDialog", u"Beboer", None))
        self.person_group.setTitle(QCoreApplication.translate("ResidentDialog", u"Person", None))
        self.cpr_label.setText(QCoreApplication.translate("ResidentDialog", u"&CPR-nummer:", None))
        self.cpr_edit.setPlaceholderText(QCoreApplication.translate("ResidentDialog", u"DDMM\u00c5\u00c5-XXXX", None))
        self.name_label.setText(QCoreApplication.translate("ResidentDialog", u"&Navn:", None))
        self.address_label.setText(QCoreApplication.translate("ResidentDialog", u"A&dresse:", None))
        self.postal_code_label.setText(QCoreApplication.translate("ResidentDialog", u"Postn&r.:", None))
        self.city_label.setText(QCoreApplication.translate("ResidentDialog", u"&By:", None))
        self.municipality_group.setTitle(QCoreApplication.translate("ResidentDialog", u"Kommuner", None))
        self.acting_municipality_label.setText(QCoreApplication.translate("ResidentDialog", u"&Handlekommune:", None))
        self.residence_municipality_label.setText(QCoreApplication.translate("ResidentDialog", u"&Opholdskommune:", None))
        self.stay_group.setTitle(QCoreApplication.translate("ResidentDialog", u"Ophold", None))
        self.care_home_label.setText(QCoreApplication.translate("ResidentDialog", u"P&lejecenter:", None))
        self.care_home_combo.setPlaceholderText(QCoreApplication.translate("ResidentDialog", u"V\u00e6lg plejecenter", None))
        self.unit_label.setText(QCoreApplication.translate("ResidentDialog", u"A&fdeling:", None))
        self.room_label.setText(QCoreApplication.translate("ResidentDialog", u"Bol&ig:", None))
        self.move_in_label.setText(QCoreApplication.translate("ResidentDialog", u"Indfl&ytning:", None))
        self.move_out_label.setText(QCoreApplication.translate("ResidentDialog", u"Fr&aflytning:", None))
        self.contact_person_label.setText(QCoreApplication.translate("ResidentDialog", u"&Kontaktperson:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.master_tab), QCoreApplication.translate("ResidentDialog", u"&Stamdata", None))
        self.relatives_intro_label.setText(QCoreApplication.translate("ResidentDialog", u"P\u00e5r\u00f8rende, som tilsynet kan kontakte. Tomme r\u00e6kker gemmes ikke.", None))
        ___qtablewidgetitem = self.relatives_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ResidentDialog", u"Navn", None))
        ___qtablewidgetitem1 = self.relatives_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ResidentDialog", u"Relation", None))
        ___qtablewidgetitem2 = self.relatives_table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ResidentDialog", u"Telefon", None))
        self.add_relative_button.setText(QCoreApplication.translate("ResidentDialog", u"Tilf&\u00f8j p\u00e5r\u00f8rende", None))
        self.remove_relative_button.setText(QCoreApplication.translate("ResidentDialog", u"Fj&ern", None))
        self.tabs.setTabText(self.tabs.indexOf(self.relatives_tab), QCoreApplication.translate("ResidentDialog", u"&P\u00e5r\u00f8rende", None))
        self.permits_hint_label.setText(QCoreApplication.translate("ResidentDialog", u"Gem beboeren f\u00f8rst. Derefter kan du registrere tilladelser her.", None))
        self.save_first_button.setText(QCoreApplication.translate("ResidentDialog", u"Gem &beboeren nu", None))
        self.no_permits_label.setText(QCoreApplication.translate("ResidentDialog", u"Beboeren har ingen registrerede tilladelser.", None))
        self.no_permits_label.setStyleSheet(QCoreApplication.translate("ResidentDialog", u"color: palette(placeholder-text);", None))
        ___qtablewidgetitem3 = self.permits_table.horizontalHeaderItem(0)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("ResidentDialog", u"Typer af magtanvendelse", None))
        ___qtablewidgetitem4 = self.permits_table.horizontalHeaderItem(1)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("ResidentDialog", u"Periode", None))
        ___qtablewidgetitem5 = self.permits_table.horizontalHeaderItem(2)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("ResidentDialog", u"Status", None))
        ___qtablewidgetitem6 = self.permits_table.horizontalHeaderItem(3)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("ResidentDialog", u"Lovgrundlag", None))
        self.new_permit_button.setText(QCoreApplication.translate("ResidentDialog", u"&Ny tilladelse", None))
        self.edit_permit_button.setText(QCoreApplication.translate("ResidentDialog", u"Re&diger", None))
        self.delete_permit_button.setText(QCoreApplication.translate("ResidentDialog", u"S&let", None))
        self.tabs.setTabText(self.tabs.indexOf(self.permits_tab), QCoreApplication.translate("ResidentDialog", u"&Tilladelser", None))
        self.save_button.setText(QCoreApplication.translate("ResidentDialog", u"&Gem", None))
        self.cancel_button.setText(QCoreApplication.translate("ResidentDialog", u"Annuller", None))
    # retranslateUi

