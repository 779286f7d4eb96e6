<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name>AboutBox</name>
    <message>
        <source>About</source>
        <translation>О программе</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sales CRM&lt;/b&gt; {version}&lt;br&gt;Clients, counterparties, contacts and deals of a B2B sales office.</source>
        <translation>&lt;b&gt;CRM отдела продаж&lt;/b&gt; {version}&lt;br&gt;Клиенты, контрагенты, контактные лица и сделки отдела оптовых продаж.</translation>
    </message>
</context>
<context>
    <name>BankPage</name>
    <message>
        <source>Bank account</source>
        <translation>Банковский счёт</translation>
    </message>
    <message>
        <source>The settlement account for invoices. You can add it later as well.</source>
        <translation>Расчётный счёт для выставления счетов. Его можно добавить и позже.</translation>
    </message>
    <message>
        <source>&amp;Add a bank account now</source>
        <translation>&amp;Указать банковский счёт сейчас</translation>
    </message>
    <message>
        <source>e.g. PJSC Sberbank</source>
        <translation>например, ПАО Сбербанк</translation>
    </message>
    <message>
        <source>&amp;BIK:</source>
        <translation>&amp;БИК:</translation>
    </message>
    <message>
        <source>Settlement a&amp;ccount:</source>
        <translation>&amp;Расчётный счёт:</translation>
    </message>
    <message>
        <source>Co&amp;rrespondent account:</source>
        <translation>Корреспондентский &amp;счёт:</translation>
    </message>
    <message>
        <source>Ban&amp;k:</source>
        <translation>Бан&amp;к:</translation>
    </message>
</context>
<context>
    <name>ClientColumns</name>
    <message>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>Круг</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Отрасль</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
</context>
<context>
    <name>ClientPage</name>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>How the client is called in the office, and how to reach the company.</source>
        <translation>Как клиента называют в компании и как с ним связаться.</translation>
    </message>
    <message>
        <source>e.g. Romashka LLC</source>
        <translation>например, ООО «Ромашка»</translation>
    </message>
    <message>
        <source>— not chosen —</source>
        <translation>— не выбран —</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>Наи&amp;менование:</translation>
    </message>
    <message>
        <source>Ci&amp;rcle:</source>
        <translation>&amp;Круг:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Источник:</translation>
    </message>
    <message>
        <source>&amp;Industry:</source>
        <translation>&amp;Отрасль:</translation>
    </message>
    <message>
        <source>&amp;Head-count:</source>
        <translation>&amp;Численность:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;Эл. почта:</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>Комм&amp;ентарий:</translation>
    </message>
</context>
<context>
    <name>ComingLaterPage</name>
    <message>
        <source>This section is coming in a later version.</source>
        <translation>Этот раздел появится в следующей версии программы.</translation>
    </message>
    <message>
        <source>Meanwhile, clients and their contact details are in the Clients section.</source>
        <translation>А пока клиенты и их контактные данные доступны в разделе «Клиенты».</translation>
    </message>
    <message>
        <source>Open Clients</source>
        <translation>Перейти к клиентам</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Contact persons</source>
        <translation>Контактные лица</translation>
    </message>
    <message>
        <source>Who orders, pays, signs and decides. A form left empty is not saved.</source>
        <translation>Кто заказывает, оплачивает, подписывает и принимает решения. Незаполненная анкета не сохраняется.</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>Доб&amp;авить</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Удалить</translation>
    </message>
</context>
<context>
    <name>DemoOffer</name>
    <message>
        <source>Creating demo data…</source>
        <translation>Создание демонстрационных данных…</translation>
    </message>
    <message numerus="yes">
        <source>Demo data loaded: %n companies.</source>
        <translation>
            <numerusform>Загружены демонстрационные данные: %n компания.</numerusform>
            <numerusform>Загружены демонстрационные данные: %n компании.</numerusform>
            <numerusform>Загружены демонстрационные данные: %n компаний.</numerusform>
        </translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Демонстрационные данные</translation>
    </message>
    <message numerus="yes">
        <source>The database is empty. Load demo data (%n companies) to try the program?</source>
        <translation>
            <numerusform>База данных пуста. Загрузить демонстрационные данные (%n компания), чтобы попробовать программу?</numerusform>
            <numerusform>База данных пуста. Загрузить демонстрационные данные (%n компании), чтобы попробовать программу?</numerusform>
            <numerusform>База данных пуста. Загрузить демонстрационные данные (%n компаний), чтобы попробовать программу?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <source>Duplicate check</source>
        <translation>Проверка дублей</translation>
    </message>
    <message>
        <source>Partners already registered with the same INN, phone or e-mail, or a similar name. Nothing has been saved yet.</source>
        <translation>Партнёры с тем же ИНН, телефоном, e-mail или похожим названием. Пока ничего не сохранено.</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Партнёр</translation>
    </message>
    <message>
        <source>Why it looks the same</source>
        <translation>Чем похож</translation>
    </message>
    <message>
        <source>&amp;Open this partner instead</source>
        <translation>&amp;Открыть этого партнёра вместо регистрации</translation>
    </message>
    <message>
        <source>If the new partner is none of these, press Next to go on with registration.</source>
        <translation>Если новый партнёр не из их числа, нажмите «Далее», чтобы продолжить регистрацию.</translation>
    </message>
    <message numerus="yes">
        <source>Found %n partner(s) that may be the one you are registering:</source>
        <translation>
            <numerusform>Уже зарегистрирован %n похожий партнёр:</numerusform>
            <numerusform>Уже зарегистрированы %n похожих партнёра:</numerusform>
            <numerusform>Уже зарегистрировано %n похожих партнёров:</numerusform>
        </translation>
    </message>
    <message>
        <source>No partner like this one is registered yet.</source>
        <translation>Похожих партнёров не найдено: такой партнёр ещё не зарегистрирован.</translation>
    </message>
</context>
<context>
    <name>KindPage</name>
    <message>
        <source>Kind of partner</source>
        <translation>Вид партнёра</translation>
    </message>
    <message>
        <source>Who is the new partner: a company or a private person?</source>
        <translation>Кто новый партнёр: организация или частное лицо?</translation>
    </message>
    <message>
        <source>&amp;Company</source>
        <translation>&amp;Организация</translation>
    </message>
    <message>
        <source>An organisation or an individual entrepreneur: the client, its legal entity with requisites and bank account, and its contact persons.</source>
        <translation>Юридическое лицо или индивидуальный предприниматель: регистрируются клиент, его контрагент с реквизитами и банковским счётом и контактные лица.</translation>
    </message>
    <message>
        <source>&amp;Private person</source>
        <translation>&amp;Частное лицо</translation>
    </message>
    <message>
        <source>A private buyer: the client and its contact person are created at once from the person&apos;s name, phone and e-mail.</source>
        <translation>Частный покупатель: клиент и его контактное лицо создаются сразу — по ФИО, телефону и электронной почте.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sales CRM — {user}</source>
        <translation>CRM отдела продаж — {user}</translation>
    </message>
    <message>
        <source>Coming in a later version</source>
        <translation>Появится в следующей версии</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>Read the list again from the database</source>
        <translation>Заново прочитать список из базы данных</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>User: {name}</source>
        <translation>Пользователь: {name}</translation>
    </message>
    <message>
        <source>Database: {location}</source>
        <translation>База данных: {location}</translation>
    </message>
    <message>
        <source>Clients: {count}</source>
        <translation>Клиентов: {count}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>CRM — error</source>
        <translation>CRM — ошибка</translation>
    </message>
    <message>
        <source>Something went wrong inside the program: {error}</source>
        <translation>Внутренняя ошибка программы: {error}</translation>
    </message>
</context>
<context>
    <name>PersonFields</name>
    <message>
        <source>Signs documents for the legal entity</source>
        <translation>Подписывает документы контрагента</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Фамилия:</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>И&amp;мя:</translation>
    </message>
    <message>
        <source>&amp;Middle name:</source>
        <translation>&amp;Отчество:</translation>
    </message>
    <message>
        <source>P&amp;osition:</source>
        <translation>Должно&amp;сть:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Роль:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>&amp;Эл. почта:</translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <source>Private person</source>
        <translation>Частное лицо</translation>
    </message>
    <message>
        <source>The person becomes the client and its contact person at the same time.</source>
        <translation>Человек становится одновременно клиентом и его контактным лицом.</translation>
    </message>
    <message>
        <source>— not chosen —</source>
        <translation>— не выбран —</translation>
    </message>
    <message>
        <source>Ci&amp;rcle:</source>
        <translation>&amp;Круг:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Источник:</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>Комм&amp;ентарий:</translation>
    </message>
</context>
<context>
    <name>RegistrationWizard</name>
    <message>
        <source>same INN and KPP</source>
        <translation>тот же ИНН и КПП</translation>
    </message>
    <message>
        <source>same INN</source>
        <translation>тот же ИНН</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>тот же телефон</translation>
    </message>
    <message>
        <source>same e-mail</source>
        <translation>тот же e-mail</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>похожее название</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>Лицо, принимающее решение</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Закупщик</translation>
    </message>
    <message>
        <source>Accountant</source>
        <translation>Бухгалтер</translation>
    </message>
    <message>
        <source>Technical expert</source>
        <translation>Технический специалист</translation>
    </message>
    <message>
        <source>Influences the decision</source>
        <translation>Влияет на решение</translation>
    </message>
    <message>
        <source>(new contact person)</source>
        <translation>(новое контактное лицо)</translation>
    </message>
    <message>
        <source>New partner registration wizard</source>
        <translation>Помощник регистрации нового партнёра</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Эл. почта:</translation>
    </message>
    <message>
        <source>Client and contact person (private person)</source>
        <translation>Клиент и контактное лицо (частное лицо)</translation>
    </message>
    <message>
        <source>Last, first and middle name:</source>
        <translation>ФИО:</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Наименование:</translation>
    </message>
    <message>
        <source>Industry:</source>
        <translation>Отрасль:</translation>
    </message>
    <message>
        <source>Head-count:</source>
        <translation>Численность:</translation>
    </message>
    <message>
        <source>Circle:</source>
        <translation>Круг:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <source>Responsible:</source>
        <translation>Ответственный:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
    <message>
        <source>Counterparty (legal entity)</source>
        <translation>Контрагент</translation>
    </message>
    <message>
        <source>Legal form:</source>
        <translation>Правовая форма:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Полное наименование:</translation>
    </message>
    <message>
        <source>Short name:</source>
        <translation>Сокращённое наименование:</translation>
    </message>
    <message>
        <source>INN:</source>
        <translation>ИНН:</translation>
    </message>
    <message>
        <source>KPP:</source>
        <translation>КПП:</translation>
    </message>
    <message>
        <source>OGRNIP:</source>
        <translation>ОГРНИП:</translation>
    </message>
    <message>
        <source>OGRN:</source>
        <translation>ОГРН:</translation>
    </message>
    <message>
        <source>Legal address:</source>
        <translation>Юридический адрес:</translation>
    </message>
    <message>
        <source>Postal address:</source>
        <translation>Почтовый адрес:</translation>
    </message>
    <message>
        <source>Bank account:</source>
        <translation>Банковский счёт:</translation>
    </message>
    <message>
        <source>{account} in {bank}, BIK {bik}</source>
        <translation>{account} в {bank}, БИК {bik}</translation>
    </message>
    <message>
        <source>Contact persons</source>
        <translation>Контактные лица</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>signs documents</source>
        <translation>подписывает документы</translation>
    </message>
</context>
<context>
    <name>RequisitesPage</name>
    <message>
        <source>Requisites</source>
        <translation>Реквизиты</translation>
    </message>
    <message>
        <source>The legal entity invoices and contracts are made out to. You can add it later from the client&apos;s card.</source>
        <translation>Контрагент, на которого оформляются счета и договоры. Его можно добавить и позже — из карточки клиента.</translation>
    </message>
    <message>
        <source>&amp;Enter the requisites of the legal entity now</source>
        <translation>&amp;Заполнить реквизиты контрагента сейчас</translation>
    </message>
    <message>
        <source>e.g. Limited Liability Company «Romashka»</source>
        <translation>например, Общество с ограниченной ответственностью «Ромашка»</translation>
    </message>
    <message>
        <source>e.g. Romashka LLC</source>
        <translation>например, ООО «Ромашка»</translation>
    </message>
    <message>
        <source>&amp;OGRN:</source>
        <translation>&amp;ОГРН:</translation>
    </message>
    <message>
        <source>&amp;Legal form:</source>
        <translation>Правовая &amp;форма:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Полное наименование:</translation>
    </message>
    <message>
        <source>S&amp;hort name:</source>
        <translation>&amp;Сокращённое наименование:</translation>
    </message>
    <message>
        <source>&amp;INN:</source>
        <translation>&amp;ИНН:</translation>
    </message>
    <message>
        <source>&amp;KPP:</source>
        <translation>&amp;КПП:</translation>
    </message>
    <message>
        <source>Le&amp;gal address:</source>
        <translation>&amp;Юридический адрес:</translation>
    </message>
    <message>
        <source>&amp;Postal address:</source>
        <translation>По&amp;чтовый адрес:</translation>
    </message>
    <message>
        <source>&amp;OGRNIP:</source>
        <translation>&amp;ОГРНИП:</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Лиды</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>Counterparties</source>
        <translation>Контрагенты</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Контактные лица</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Сделки</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>Взаимодействия</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Претензии</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Номенклатура</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Отрасль</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Head-count</source>
        <translation>Численность</translation>
    </message>
    <message>
        <source>Responsible manager</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Контрагент</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Контактное лицо</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;База данных</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>&amp;Пользователь</translation>
    </message>
    <message>
        <source>Client &amp;circles</source>
        <translation>&amp;Круги клиентов</translation>
    </message>
    <message>
        <source>&amp;Embedded database file on this computer</source>
        <translation>&amp;Файл базы данных на этом компьютере</translation>
    </message>
    <message>
        <source>&amp;PostgreSQL server of the office</source>
        <translation>&amp;Сервер PostgreSQL в офисе</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>В&amp;ыбрать…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>Ф&amp;айл:</translation>
    </message>
    <message>
        <source>For one workstation. A new file is created and set up at the next start.</source>
        <translation>Для одного рабочего места. Новый файл будет создан и подготовлен при следующем запуске.</translation>
    </message>
    <message>
        <source>leave empty to keep the saved password</source>
        <translation>оставьте пустым, чтобы не менять сохранённый пароль</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>Сер&amp;вер:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>П&amp;орт:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>Ба&amp;за данных:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Па&amp;роль:</translation>
    </message>
    <message>
        <source>Each user logs in with a database login of their own. The password is kept in the system keyring, never in the settings file.</source>
        <translation>Каждый пользователь входит под собственным логином базы данных. Пароль хранится в системном хранилище паролей, а не в файле настроек.</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Проверить по&amp;дключение</translation>
    </message>
    <message>
        <source>A new database is used after the program is restarted.</source>
        <translation>Другая база данных начнёт использоваться после перезапуска программы.</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Файл базы данных</translation>
    </message>
    <message>
        <source>SQLite database (*.sqlite3 *.db);;All files (*)</source>
        <translation>База данных SQLite (*.sqlite3 *.db);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>The &amp;system&apos;s language ({language})</source>
        <translation>Язык &amp;системы ({language})</translation>
    </message>
    <message>
        <source>Language of the program:</source>
        <translation>Язык программы:</translation>
    </message>
    <message>
        <source>The language changes after the program is restarted.</source>
        <translation>Язык сменится после перезапуска программы.</translation>
    </message>
    <message>
        <source>Database &amp;login:</source>
        <translation>&amp;Логин в базе данных:</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>&amp;Ваше имя:</translation>
    </message>
    <message>
        <source>The name is shown in the window title, as the responsible manager of your clients and in the history of changes.</source>
        <translation>Имя видно в заголовке окна, в карточках ваших клиентов (как ответственного менеджера) и в истории изменений.</translation>
    </message>
    <message>
        <source>On the office server you work under your own database login; the administrator manages logins and names.</source>
        <translation>На сервере офиса вы работаете под собственным логином базы данных; логины и имена ведёт администратор.</translation>
    </message>
    <message>
        <source>What a client must have before it can be saved into each circle. A card that lacks a checked field cannot be saved into that circle.</source>
        <translation>Что должно быть заполнено у клиента, чтобы отнести его к кругу. Карточку без отмеченного поля нельзя сохранить в этом круге.</translation>
    </message>
    <message>
        <source>In use now: {location}</source>
        <translation>Сейчас используется: {location}</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Nothing has been saved yet. Press Finish to register the partner.</source>
        <translation>Пока ничего не сохранено. Нажмите «Завершить», чтобы зарегистрировать партнёра.</translation>
    </message>
</context>
<context>
    <name>TaskProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Остановка…</translation>
    </message>
</context>
<context>
    <name>UserErrors</name>
    <message>
        <source>Cannot open the database {url}: {detail}</source>
        <translation>Не удаётся открыть базу данных {url}: {detail}</translation>
    </message>
    <message>
        <source>No OS keyring is available to keep the database password ({detail}). Start a desktop session with a Secret Service (GNOME Keyring, KWallet), or put the password in the database URL for this run.</source>
        <translation>Нет хранилища паролей операционной системы, где можно сохранить пароль базы данных ({detail}). Войдите в графический сеанс со службой Secret Service (GNOME Keyring, KWallet) или укажите пароль в адресе базы данных для этого запуска.</translation>
    </message>
    <message>
        <source>Unsupported database URL {url}: use sqlite:/// or postgresql://.</source>
        <translation>Неподдерживаемый адрес базы данных {url}: используйте sqlite:/// или postgresql://.</translation>
    </message>
    <message>
        <source>The record was not found; it may have been deleted.</source>
        <translation>Запись не найдена: возможно, она была удалена.</translation>
    </message>
    <message>
        <source>Only a supervisor can change the mandatory fields of the circles.</source>
        <translation>Изменять обязательные поля кругов клиентов может только руководитель.</translation>
    </message>
    <message>
        <source>Unknown mandatory field: {name}.</source>
        <translation>Неизвестное обязательное поле: {name}.</translation>
    </message>
    <message>
        <source>Choose a value from the list.</source>
        <translation>Выберите значение из списка.</translation>
    </message>
    <message>
        <source>A client in the circle «{circle}» needs a phone.</source>
        <translation>Для клиента из круга «{circle}» нужен телефон.</translation>
    </message>
    <message>
        <source>A client in the circle «{circle}» needs an e-mail address.</source>
        <translation>Для клиента из круга «{circle}» нужен адрес электронной почты.</translation>
    </message>
    <message>
        <source>A client in the circle «{circle}» needs an industry.</source>
        <translation>Для клиента из круга «{circle}» нужно указать отрасль.</translation>
    </message>
    <message>
        <source>A client in the circle «{circle}» needs a source.</source>
        <translation>Для клиента из круга «{circle}» нужно указать источник информации.</translation>
    </message>
    <message>
        <source>A client in the circle «{circle}» needs a head-count.</source>
        <translation>Для клиента из круга «{circle}» нужно указать численность сотрудников.</translation>
    </message>
    <message>
        <source>A client in the circle «{circle}» needs a responsible manager.</source>
        <translation>Для клиента из круга «{circle}» нужен ответственный менеджер.</translation>
    </message>
    <message>
        <source>A client in the circle «{circle}» needs notes.</source>
        <translation>Для клиента из круга «{circle}» нужно заполнить комментарий.</translation>
    </message>
    <message>
        <source>A client in the circle «{circle}» needs at least one counterparty.</source>
        <translation>Для клиента из круга «{circle}» нужен хотя бы один контрагент.</translation>
    </message>
    <message>
        <source>A client in the circle «{circle}» needs at least one contact person.</source>
        <translation>Для клиента из круга «{circle}» нужно хотя бы одно контактное лицо.</translation>
    </message>
    <message>
        <source>Unknown kind of contact channel.</source>
        <translation>Неизвестный вид контактной информации.</translation>
    </message>
    <message>
        <source>Connected to {server} at {url}.</source>
        <translation>Подключение к {server} по адресу {url} установлено.</translation>
    </message>
    <message>
        <source>Choose a file for the embedded database.</source>
        <translation>Выберите файл встроенной базы данных.</translation>
    </message>
    <message>
        <source>The database file {path} cannot be created here.</source>
        <translation>Файл базы данных {path} нельзя создать в этом месте.</translation>
    </message>
    <message>
        <source>The file {path} does not exist yet; it will be created at the next start.</source>
        <translation>Файла {path} пока нет; он будет создан при следующем запуске.</translation>
    </message>
    <message>
        <source>The database file {path} opens ({server}).</source>
        <translation>Файл базы данных {path} открывается ({server}).</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>Поле обязательно для заполнения.</translation>
    </message>
    <message>
        <source>Spaces, «/» and «@» are not allowed here.</source>
        <translation>Пробелы, «/» и «@» здесь недопустимы.</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation>Порт должен быть от 1 до 65535.</translation>
    </message>
    <message>
        <source>Unknown partner role.</source>
        <translation>Неизвестная роль партнёра.</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>Выберите хотя бы одну роль.</translation>
    </message>
    <message>
        <source>The head-count must be between 0 and 10,000,000.</source>
        <translation>Численность сотрудников должна быть от 0 до 10 000 000.</translation>
    </message>
    <message>
        <source>Choose a legal form.</source>
        <translation>Выберите организационно-правовую форму.</translation>
    </message>
    <message>
        <source>A legal entity&apos;s INN has 10 digits.</source>
        <translation>ИНН юридического лица состоит из 10 цифр.</translation>
    </message>
    <message>
        <source>A legal entity&apos;s OGRN has 13 digits.</source>
        <translation>ОГРН юридического лица состоит из 13 цифр.</translation>
    </message>
    <message>
        <source>A legal entity with an INN needs a KPP.</source>
        <translation>Для юридического лица с ИНН укажите КПП.</translation>
    </message>
    <message>
        <source>An individual&apos;s INN has 12 digits.</source>
        <translation>ИНН физического лица состоит из 12 цифр.</translation>
    </message>
    <message>
        <source>Only a legal entity has a KPP.</source>
        <translation>КПП бывает только у юридического лица.</translation>
    </message>
    <message>
        <source>An individual entrepreneur&apos;s OGRNIP has 15 digits.</source>
        <translation>ОГРНИП индивидуального предпринимателя состоит из 15 цифр.</translation>
    </message>
    <message>
        <source>A private person has no OGRN.</source>
        <translation>У физического лица нет ОГРН.</translation>
    </message>
    <message>
        <source>Enter a real date of birth.</source>
        <translation>Укажите действительную дату рождения.</translation>
    </message>
    <message>
        <source>A client cannot be related to itself.</source>
        <translation>Клиент не может быть связан сам с собой.</translation>
    </message>
    <message>
        <source>A contact cannot be related to themselves.</source>
        <translation>Контактное лицо не может быть связано само с собой.</translation>
    </message>
    <message>
        <source>{user} changed this record at {at} while you had it open. What you typed is still here: reload the record to see their changes, then make yours again.</source>
        <translation>{user} изменил(а) эту запись в {at}, пока она была у вас открыта. Введённые вами данные сохранены в форме: перечитайте запись, чтобы увидеть изменения, и внесите свои ещё раз.</translation>
    </message>
    <message>
        <source>Someone else has changed this record since you opened it. Reopen it to see their changes, then make yours again.</source>
        <translation>Пока запись была открыта, её изменил другой пользователь. Откройте запись заново, чтобы увидеть его изменения, и внесите свои ещё раз.</translation>
    </message>
    <message>
        <source>Line breaks are not allowed here.</source>
        <translation>Здесь нельзя переносить строки.</translation>
    </message>
    <message>
        <source>The text contains control characters; remove them and try again.</source>
        <translation>Текст содержит управляющие символы: удалите их и повторите попытку.</translation>
    </message>
    <message>
        <source>The text is too long: {length} characters, at most {max_length} are allowed.</source>
        <translation>Текст слишком длинный. Длина: {length}, допустимая длина: не более {max_length}.</translation>
    </message>
    <message>
        <source>The INN must have 10 digits (organisation) or 12 digits (individual).</source>
        <translation>ИНН должен состоять из 10 цифр (организация) или 12 цифр (физическое лицо).</translation>
    </message>
    <message>
        <source>The INN check digit is wrong: check the number for a typo.</source>
        <translation>Неверное контрольное число ИНН: проверьте, нет ли в номере опечатки.</translation>
    </message>
    <message>
        <source>The KPP must have 9 characters: 4 digits, then 2 digits or Latin capital letters, then 3 digits.</source>
        <translation>КПП должен состоять из 9 знаков: 4 цифры, затем 2 цифры или заглавные латинские буквы, затем 3 цифры.</translation>
    </message>
    <message>
        <source>The OGRN must have 13 digits (organisation) or 15 digits (OGRNIP of an individual entrepreneur).</source>
        <translation>ОГРН должен состоять из 13 цифр (организация) или 15 цифр (ОГРНИП индивидуального предпринимателя).</translation>
    </message>
    <message>
        <source>The first digit is wrong: an OGRN starts with 1 or 5, an OGRNIP with 3.</source>
        <translation>Неверная первая цифра: ОГРН начинается с 1 или 5, ОГРНИП — с 3.</translation>
    </message>
    <message>
        <source>The OGRN check digit is wrong: check the number for a typo.</source>
        <translation>Неверное контрольное число ОГРН: проверьте, нет ли в номере опечатки.</translation>
    </message>
    <message>
        <source>The OGRNIP check digit is wrong: check the number for a typo.</source>
        <translation>Неверное контрольное число ОГРНИП: проверьте, нет ли в номере опечатки.</translation>
    </message>
    <message>
        <source>A 13-digit OGRN belongs to an organisation: enter the organisation&apos;s 10-digit INN as well.</source>
        <translation>ОГРН из 13 цифр бывает только у организации: укажите также её ИНН из 10 цифр.</translation>
    </message>
    <message>
        <source>A 15-digit OGRNIP belongs to an individual entrepreneur: enter their 12-digit INN as well.</source>
        <translation>ОГРНИП из 15 цифр бывает только у индивидуального предпринимателя: укажите также его ИНН из 12 цифр.</translation>
    </message>
    <message>
        <source>The BIK must have 9 digits and start with 04.</source>
        <translation>БИК должен состоять из 9 цифр и начинаться с 04.</translation>
    </message>
    <message>
        <source>The account number must have 20 digits.</source>
        <translation>Номер счёта должен состоять из 20 цифр.</translation>
    </message>
    <message>
        <source>The account number does not match the bank&apos;s BIK {bik}: check both for typos.</source>
        <translation>Номер счёта не соответствует БИК банка {bik}: проверьте оба номера на опечатки.</translation>
    </message>
    <message>
        <source>The correspondent account must have 20 digits and start with 301.</source>
        <translation>Корреспондентский счёт должен состоять из 20 цифр и начинаться с 301.</translation>
    </message>
    <message>
        <source>The correspondent account does not match the bank&apos;s BIK {bik}: check both for typos.</source>
        <translation>Корреспондентский счёт не соответствует БИК банка {bik}: проверьте оба номера на опечатки.</translation>
    </message>
    <message>
        <source>Enter a phone number such as +7 495 123-45-67.</source>
        <translation>Введите номер телефона, например +7 495 123-45-67.</translation>
    </message>
    <message>
        <source>Enter an e-mail address such as name@example.ru.</source>
        <translation>Введите адрес электронной почты, например name@example.ru.</translation>
    </message>
    <message>
        <source>Enter a Telegram username such as @ivan_petrov (5 to 32 Latin letters, digits or underscores, starting with a letter) or a phone number such as +7 912 345-67-89.</source>
        <translation>Введите имя пользователя Telegram, например @ivan_petrov (от 5 до 32 латинских букв, цифр или знаков подчёркивания, первый знак — буква), или номер телефона, например +7 912 345-67-89.</translation>
    </message>
    <message>
        <source>A record cannot be merged into itself.</source>
        <translation>Запись нельзя объединить саму с собой.</translation>
    </message>
    <message>
        <source>Enter the person&apos;s name to register a private person.</source>
        <translation>Чтобы зарегистрировать частное лицо, укажите его ФИО.</translation>
    </message>
    <message>
        <source>A typical agreement is not for one client.</source>
        <translation>Типовое соглашение не заключается с одним клиентом.</translation>
    </message>
    <message>
        <source>Choose the client of an individual agreement.</source>
        <translation>Выберите клиента для индивидуального соглашения.</translation>
    </message>
    <message>
        <source>Enter a percentage from 0 to 100.</source>
        <translation>Укажите процент от 0 до 100.</translation>
    </message>
    <message>
        <source>Enter a number of days from 0.</source>
        <translation>Укажите число дней (от 0).</translation>
    </message>
    <message>
        <source>The end of validity is before its start.</source>
        <translation>Дата окончания действия раньше даты начала.</translation>
    </message>
    <message>
        <source>Make individual agreements from a typical one.</source>
        <translation>Индивидуальное соглашение создаётся на основании типового.</translation>
    </message>
    <message>
        <source>An agreement goes draft → active → closed.</source>
        <translation>Соглашение проходит статусы: черновик → действует → закрыто.</translation>
    </message>
    <message>
        <source>Attach a contact person of the client to the deal.</source>
        <translation>Добавьте в сделку контактное лицо клиента.</translation>
    </message>
    <message>
        <source>Describe what the client needs.</source>
        <translation>Опишите потребность клиента.</translation>
    </message>
    <message>
        <source>Add at least one line to the deal&apos;s specification.</source>
        <translation>Добавьте хотя бы одну строку в спецификацию сделки.</translation>
    </message>
    <message>
        <source>Classify the client: choose its circle.</source>
        <translation>Классифицируйте клиента: укажите его круг.</translation>
    </message>
    <message>
        <source>Choose the sales agreement for the deal.</source>
        <translation>Выберите соглашение об условиях продаж для сделки.</translation>
    </message>
    <message>
        <source>Issue a commercial proposal from the specification and mark it sent.</source>
        <translation>Сформируйте коммерческое предложение по спецификации и отметьте, что оно отправлено.</translation>
    </message>
    <message>
        <source>The client has to accept the proposal (or a new version of it).</source>
        <translation>Клиент должен согласовать коммерческое предложение (или его новую версию).</translation>
    </message>
    <message>
        <source>Choose the counterparty with its requisites (INN).</source>
        <translation>Укажите контрагента с реквизитами (ИНН).</translation>
    </message>
    <message>
        <source>Enter the contract or order number and date.</source>
        <translation>Укажите номер и дату договора или заказа.</translation>
    </message>
    <message>
        <source>Choose the client of the deal.</source>
        <translation>Выберите клиента сделки.</translation>
    </message>
    <message>
        <source>Choose a counterparty of the deal&apos;s client.</source>
        <translation>Выберите контрагента клиента этой сделки.</translation>
    </message>
    <message>
        <source>Choose an active agreement: a typical one or the client&apos;s own.</source>
        <translation>Выберите действующее соглашение: типовое или индивидуальное для этого клиента.</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>Сумма не может быть отрицательной.</translation>
    </message>
    <message>
        <source>The deal is closed (won or lost). Only a supervisor can reopen it.</source>
        <translation>Сделка закрыта (выиграна или проиграна). Возобновить её может только руководитель.</translation>
    </message>
    <message>
        <source>The kind of an existing deal cannot change.</source>
        <translation>Вид существующей сделки изменить нельзя.</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>Введите число.</translation>
    </message>
    <message>
        <source>The quantity must be greater than zero.</source>
        <translation>Количество должно быть больше нуля.</translation>
    </message>
    <message>
        <source>The price cannot be negative.</source>
        <translation>Цена не может быть отрицательной.</translation>
    </message>
    <message>
        <source>The discount must be between 0 and 100 %.</source>
        <translation>Скидка должна быть от 0 до 100 %.</translation>
    </message>
    <message>
        <source>This deal has no stages.</source>
        <translation>У этой сделки нет этапов.</translation>
    </message>
    <message>
        <source>A typical sale goes through every stage: move to the next one.</source>
        <translation>Типовая продажа проходит все этапы по порядку: перейдите на следующий.</translation>
    </message>
    <message>
        <source>A typical sale is won from its last stage (contract).</source>
        <translation>Типовую продажу можно выиграть только с последнего этапа (договор / заказ).</translation>
    </message>
    <message>
        <source>Choose why the deal was lost.</source>
        <translation>Укажите причину проигрыша сделки.</translation>
    </message>
    <message>
        <source>Say in a few words what happened.</source>
        <translation>Коротко опишите, что произошло.</translation>
    </message>
    <message>
        <source>Only a supervisor can reopen a closed deal.</source>
        <translation>Возобновить закрытую сделку может только руководитель.</translation>
    </message>
    <message>
        <source>A proposal goes draft → sent → accepted or rejected.</source>
        <translation>Коммерческое предложение проходит статусы: черновик → отправлено → согласовано или отклонено.</translation>
    </message>
    <message>
        <source>The period ends before it begins.</source>
        <translation>Период заканчивается раньше, чем начинается.</translation>
    </message>
</context>
</TS>
