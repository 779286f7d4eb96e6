<?xml version='1.0' encoding='utf-8'?>
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
    <name>ActivityFilesTab</name>
    <message>
        <source>Save the task first to attach files.</source>
        <translation>Запишите задачу, чтобы прикреплять файлы.</translation>
    </message>
    <message>
        <source>Save the interaction first to attach files.</source>
        <translation>Запишите взаимодействие, чтобы прикреплять файлы.</translation>
    </message>
    <message>
        <source>Remove the file «{name}» from the task?</source>
        <translation>Убрать файл «{name}» из задачи?</translation>
    </message>
    <message>
        <source>Remove the file «{name}» from the interaction?</source>
        <translation>Убрать файл «{name}» из взаимодействия?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Files ({count})</source>
        <translation>Файлы ({count})</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
</context>
<context>
    <name>ActivityLabels</name>
    <message>
        <source>Phone call</source>
        <translation>Телефонный звонок</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Встреча</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Planned interaction</source>
        <translation>Запланированное взаимодействие</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>План. дата</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Postponed</source>
        <translation>Перенесено</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Входящий</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Исходящий</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>В работе</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Низкая</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Обычная</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Высокая</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} мин</translation>
    </message>
</context>
<context>
    <name>AgreementSection</name>
    <message>
        <source>typical</source>
        <translation>типовое</translation>
    </message>
    <message>
        <source>individual</source>
        <translation>индивидуальное</translation>
    </message>
    <message>
        <source>Agreement:</source>
        <translation>Соглашение:</translation>
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
    <name>CardCompletenessPage</name>
    <message>
        <source>Only clients registered in the period</source>
        <translation>Только клиенты, зарегистрированные за период</translation>
    </message>
    <message>
        <source>Else every client, whenever registered</source>
        <translation>Иначе все клиенты, независимо от даты регистрации</translation>
    </message>
    <message>
        <source>Complete client cards by manager</source>
        <translation>Заполненные карточки клиентов по менеджерам</translation>
    </message>
    <message>
        <source>Double-click a row to see its incomplete clients</source>
        <translation>Двойной щелчок по строке покажет клиентов с незаполненными карточками</translation>
    </message>
    <message>
        <source>Incomplete clients</source>
        <translation>Клиенты с незаполненными карточками</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Open the card</source>
        <translation>Открыть карточку</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Not filled</source>
        <translation>Не заполнено</translation>
    </message>
    <message>
        <source>card completeness</source>
        <translation>заполненность карточек</translation>
    </message>
    <message>
        <source>Complete {complete} of {clients} clients ({share})</source>
        <translation>Заполнено {complete} из {clients} карточек ({share})</translation>
    </message>
    <message>
        <source>Without a manager</source>
        <translation>Без менеджера</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Менеджер</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>Круг</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Клиентов</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Заполнено</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Не заполнено</translation>
    </message>
    <message>
        <source>Complete, %</source>
        <translation>Заполнено, %</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>90 % and more</source>
        <translation>90 % и более</translation>
    </message>
    <message>
        <source>60–90 %</source>
        <translation>60–90 %</translation>
    </message>
    <message>
        <source>Under 60 %</source>
        <translation>Менее 60 %</translation>
    </message>
    <message>
        <source>{owner}, circle «{circle}»: {n} incomplete</source>
        <translation>{owner}, круг «{circle}»: не заполнено {n}</translation>
    </message>
    <message>
        <source>every card here is complete.</source>
        <translation>все карточки здесь заполнены.</translation>
    </message>
</context>
<context>
    <name>CardFields</name>
    <message>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Роли</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>Круг</translation>
    </message>
    <message>
        <source>Responsible manager</source>
        <translation>Ответственный менеджер</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник информации</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Отрасль</translation>
    </message>
    <message>
        <source>Head-count</source>
        <translation>Численность сотрудников</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>В архиве</translation>
    </message>
    <message>
        <source>Phones, e-mails, messengers</source>
        <translation>Телефоны, эл. почта, мессенджеры</translation>
    </message>
    <message>
        <source>Counterparties</source>
        <translation>Контрагенты</translation>
    </message>
    <message>
        <source>Contact persons</source>
        <translation>Контактные лица</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>Объединён с</translation>
    </message>
    <message>
        <source>Role: client</source>
        <translation>Роль: клиент</translation>
    </message>
    <message>
        <source>Role: supplier</source>
        <translation>Роль: поставщик</translation>
    </message>
    <message>
        <source>Role: dealer</source>
        <translation>Роль: дилер</translation>
    </message>
    <message>
        <source>Role: competitor</source>
        <translation>Роль: конкурент</translation>
    </message>
    <message>
        <source>Role: carrier</source>
        <translation>Роль: перевозчик</translation>
    </message>
    <message>
        <source>Role: other</source>
        <translation>Роль: прочее</translation>
    </message>
    <message>
        <source>Name for duplicate search</source>
        <translation>Наименование для поиска дублей</translation>
    </message>
    <message>
        <source>Legal form</source>
        <translation>Правовая форма</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Полное наименование</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>Сокращённое наименование</translation>
    </message>
    <message>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>KPP</source>
        <translation>КПП</translation>
    </message>
    <message>
        <source>OGRN/OGRNIP</source>
        <translation>ОГРН/ОГРНИП</translation>
    </message>
    <message>
        <source>Legal address</source>
        <translation>Юридический адрес</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>Почтовый адрес</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Bank accounts</source>
        <translation>Банковские счета</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Основной</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>BIK</source>
        <translation>БИК</translation>
    </message>
    <message>
        <source>Settlement account</source>
        <translation>Расчётный счёт</translation>
    </message>
    <message>
        <source>Corr. account</source>
        <translation>Корр. счёт</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Банк</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Основной</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Вид связи</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Контактное лицо</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Контрагент</translation>
    </message>
    <message>
        <source>Related client</source>
        <translation>Связанный клиент</translation>
    </message>
    <message>
        <source>Related contact person</source>
        <translation>Связанное контактное лицо</translation>
    </message>
</context>
<context>
    <name>CardPage</name>
    <message>
        <source>Save and close</source>
        <translation>Записать и закрыть</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Записать</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Записать (Ctrl+S)</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Перечитать</translation>
    </message>
    <message>
        <source>Read the card again from the database</source>
        <translation>Прочитать карточку из базы заново</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Ещё</translation>
    </message>
    <message>
        <source>Reload (discard mine)</source>
        <translation>Перечитать (без моих изменений)</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Сравнить…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История изменений</translation>
    </message>
    <message>
        <source>Discard your changes and read the card again?</source>
        <translation>Отменить ваши изменения и перечитать карточку?</translation>
    </message>
</context>
<context>
    <name>CardValues</name>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Поставщик</translation>
    </message>
    <message>
        <source>Dealer</source>
        <translation>Дилер</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>Конкурент</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Перевозчик</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Прочее</translation>
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
        <source>Messenger</source>
        <translation>Мессенджер</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Рабочий</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Мобильный</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Домашний</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Факс</translation>
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
        <source>Signatory</source>
        <translation>Подписант</translation>
    </message>
    <message>
        <source>Director</source>
        <translation>Руководитель</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>Инженер</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
</context>
<context>
    <name>CircleSection</name>
    <message>
        <source>Circle:</source>
        <translation>Круг:</translation>
    </message>
    <message>
        <source>Fill these in on the client's card, or choose another circle.</source>
        <translation>Заполните эти сведения в карточке клиента или выберите другой круг.</translation>
    </message>
</context>
<context>
    <name>ClaimCard</name>
    <message>
        <source>Main</source>
        <translation>Основное</translation>
    </message>
    <message>
        <source>Investigation plan</source>
        <translation>План расследования</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>Взаимодействия</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Start investigation</source>
        <translation>Начать расследование</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Решить…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Close the resolved claim: it becomes read-only</source>
        <translation>Закрыть решенную претензию: она станет доступна только для просмотра</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Возобновить…</translation>
    </message>
    <message>
        <source>A supervisor reopens a closed claim</source>
        <translation>Руководитель возобновляет закрытую претензию</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Open the client's card</source>
        <translation>Открыть карточку клиента</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Open the deal's card</source>
        <translation>Открыть карточку сделки</translation>
    </message>
    <message>
        <source>Left empty, the department is the culprit employee's own.</source>
        <translation>Если не указано, подразделением-виновником считается подразделение сотрудника-виновника.</translation>
    </message>
    <message>
        <source>What the client complains about: the goods, the documents, the facts</source>
        <translation>На что жалуется клиент: товар, документы, факты</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Номер:</translation>
    </message>
    <message>
        <source>Client (partner):</source>
        <translation>Клиент (партнер):</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <source>Counterparty:</source>
        <translation>Контрагент:</translation>
    </message>
    <message>
        <source>Deal:</source>
        <translation>Сделка:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <source>Responsible:</source>
        <translation>Ответственный:</translation>
    </message>
    <message>
        <source>Culprit department:</source>
        <translation>Подразделение-виновник:</translation>
    </message>
    <message>
        <source>Culprit employee:</source>
        <translation>Сотрудник-виновник:</translation>
    </message>
    <message>
        <source>Requested compensation:</source>
        <translation>Требуемая компенсация:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Статус:</translation>
    </message>
    <message>
        <source>Essence of the claim</source>
        <translation>Суть претензии</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Результат:</translation>
    </message>
    <message>
        <source>Granted amount:</source>
        <translation>Сумма возмещения:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
    <message>
        <source>Resolved / closed:</source>
        <translation>Решена / закрыта:</translation>
    </message>
    <message>
        <source>What is to be done to investigate the claim, who does it and by when. The investigation starts once the plan has an action; the claim is resolved when every action is done. Saved with the card.</source>
        <translation>Что нужно сделать для расследования претензии, кто и к какому сроку. Расследование начинается, когда в плане есть хотя бы одно мероприятие; претензию можно решить, когда выполнены все мероприятия. Записывается вместе с карточкой.</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Диаграмма сроков</translation>
    </message>
    <message>
        <source>Calls, letters and meetings about this claim will be listed here.</source>
        <translation>Здесь будут показаны звонки, письма и встречи по этой претензии.</translation>
    </message>
    <message>
        <source>(given when saved)</source>
        <translation>(присваивается при записи)</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Претензия</translation>
    </message>
    <message>
        <source>New claim</source>
        <translation>Новая претензия</translation>
    </message>
    <message>
        <source>no INN</source>
        <translation>без ИНН</translation>
    </message>
    <message>
        <source>Back to investigation</source>
        <translation>Вернуть на расследование</translation>
    </message>
    <message>
        <source>Change decision…</source>
        <translation>Изменить решение…</translation>
    </message>
    <message>
        <source>{granted} of {requested} requested</source>
        <translation>{granted} из требуемых {requested}</translation>
    </message>
    <message>
        <source>The claim is resolved: its plan is frozen. Return it to investigation to change the plan.</source>
        <translation>Претензия решена: план расследования зафиксирован. Чтобы изменить план, верните претензию на расследование.</translation>
    </message>
    <message>
        <source>The claim was closed on {date}: it cannot be changed. Only a supervisor can reopen it.</source>
        <translation>Претензия закрыта {date}: изменить ее нельзя. Возобновить ее может только руководитель.</translation>
    </message>
    <message>
        <source>The claim is closed: it cannot be changed. Only a supervisor can reopen it.</source>
        <translation>Претензия закрыта: изменить ее нельзя. Возобновить ее может только руководитель.</translation>
    </message>
    <message>
        <source>The claim has unsaved changes. Save them first?</source>
        <translation>В претензии есть незаписанные изменения. Записать их?</translation>
    </message>
    <message>
        <source>Close the claim {number}? A closed claim cannot be changed; only a supervisor can reopen it.</source>
        <translation>Закрыть претензию {number}? Закрытую претензию нельзя изменить; возобновить ее может только руководитель.</translation>
    </message>
    <message>
        <source>Close the claim</source>
        <translation>Закрытие претензии</translation>
    </message>
    <message>
        <source>The client the claim comes from</source>
        <translation>Клиент, от которого поступила претензия</translation>
    </message>
</context>
<context>
    <name>ClaimColumns</name>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Партнёр</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Culprit department</source>
        <translation>Подразделение-виновник</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Требуется</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
</context>
<context>
    <name>ClaimFields</name>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Date of the claim</source>
        <translation>Дата претензии</translation>
    </message>
    <message>
        <source>Client (partner)</source>
        <translation>Клиент (партнер)</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Контрагент</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <source>Essence of the claim</source>
        <translation>Суть претензии</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Culprit department</source>
        <translation>Подразделение-виновник</translation>
    </message>
    <message>
        <source>Culprit employee</source>
        <translation>Сотрудник-виновник</translation>
    </message>
    <message>
        <source>Requested compensation</source>
        <translation>Требуемая компенсация</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Granted amount</source>
        <translation>Сумма возмещения</translation>
    </message>
    <message>
        <source>Decision comment</source>
        <translation>Комментарий к решению</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Решена</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закрыта</translation>
    </message>
    <message>
        <source>Investigation plan</source>
        <translation>План расследования</translation>
    </message>
</context>
<context>
    <name>ClaimFiles</name>
    <message>
        <source>{n} B</source>
        <translation>{n} Б</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} КБ</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} МБ</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Прикрепить файл</translation>
    </message>
    <message>
        <source>Save a copy of the file</source>
        <translation>Сохранить копию файла</translation>
    </message>
</context>
<context>
    <name>ClaimListPage</name>
    <message>
        <source>Search by the claim's number or the start of the partner's name</source>
        <translation>Поиск по номеру претензии или началу наименования партнера</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>Только открытые</translation>
    </message>
    <message>
        <source>Registered or under investigation</source>
        <translation>Зарегистрированные или на расследовании</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>All reasons</source>
        <translation>Все причины</translation>
    </message>
    <message>
        <source>Culprit department</source>
        <translation>Подразделение-виновник</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>Все подразделения</translation>
    </message>
    <message>
        <source>Claimed on or after</source>
        <translation>Дата претензии с</translation>
    </message>
    <message>
        <source>Claimed on or before</source>
        <translation>Дата претензии по</translation>
    </message>
    <message>
        <source>New claim</source>
        <translation>Новая претензия</translation>
    </message>
    <message>
        <source>Register a new claim</source>
        <translation>Зарегистрировать новую претензию</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
</context>
<context>
    <name>ClaimPlan</name>
    <message>
        <source>Action</source>
        <translation>Мероприятие</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>План. дата</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
</context>
<context>
    <name>ClaimReports</name>
    <message>
        <source>Not specified</source>
        <translation>Не указано</translation>
    </message>
</context>
<context>
    <name>ClaimSatisfactionPage</name>
    <message>
        <source>How the claims resolved in the period ended, by reason</source>
        <translation>Чем закончились претензии, решенные за период, по причинам</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>Все подразделения</translation>
    </message>
    <message>
        <source>All managers</source>
        <translation>Все менеджеры</translation>
    </message>
    <message>
        <source>claim satisfaction</source>
        <translation>удовлетворенность претензий</translation>
    </message>
    <message>
        <source>Resolved {count}: requested {requested}, granted {granted}</source>
        <translation>Решено {count}: требовалось {requested}, возмещено {granted}</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Решено</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Удовлетворена</translation>
    </message>
    <message>
        <source>Partly</source>
        <translation>Частично</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонена</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Требуется</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Возмещено</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>Partly satisfied</source>
        <translation>Удовлетворена частично</translation>
    </message>
</context>
<context>
    <name>ClaimValues</name>
    <message>
        <source>Registered</source>
        <translation>Зарегистрирована</translation>
    </message>
    <message>
        <source>Under investigation</source>
        <translation>На расследовании</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Решена</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закрыта</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Удовлетворена</translation>
    </message>
    <message>
        <source>Partly satisfied</source>
        <translation>Удовлетворена частично</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонена</translation>
    </message>
</context>
<context>
    <name>ClaimsDynamicsPage</name>
    <message>
        <source>Claims by month</source>
        <translation>Претензии по месяцам</translation>
    </message>
    <message>
        <source>All reasons</source>
        <translation>Все причины</translation>
    </message>
    <message>
        <source>All managers</source>
        <translation>Все менеджеры</translation>
    </message>
    <message>
        <source>claims dynamics</source>
        <translation>динамика претензий</translation>
    </message>
    <message>
        <source>Registered {registered}, resolved {resolved}, open at the end {open}</source>
        <translation>Зарегистрировано {registered}, решено {resolved}, открыто на конец периода {open}</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Поступило</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Решено</translation>
    </message>
    <message>
        <source>Open at the end</source>
        <translation>Открыто на конец</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>The department columns: claims registered</source>
        <translation>Колонки подразделений: зарегистрировано претензий</translation>
    </message>
    <message>
        <source>Open at the end of the month</source>
        <translation>Открыто на конец месяца</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Претензии</translation>
    </message>
</context>
<context>
    <name>ClaimsStructurePage</name>
    <message>
        <source>All managers</source>
        <translation>Все менеджеры</translation>
    </message>
    <message>
        <source>claims structure</source>
        <translation>структура претензий</translation>
    </message>
    <message>
        <source>Department \ reason</source>
        <translation>Подразделение \ причина</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>Claims registered in the period: {n}</source>
        <translation>Зарегистрировано претензий за период: {n}</translation>
    </message>
</context>
<context>
    <name>ClientCard</name>
    <message>
        <source>Main</source>
        <translation>Основное</translation>
    </message>
    <message>
        <source>Counterparties</source>
        <translation>Контрагенты</translation>
    </message>
    <message>
        <source>Contact persons</source>
        <translation>Контактные лица</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>Связи</translation>
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
        <source>Deals</source>
        <translation>Сделки</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Претензии</translation>
    </message>
    <message>
        <source>Merge into another client…</source>
        <translation>Объединить с другим клиентом…</translation>
    </message>
    <message>
        <source>Archived (hidden from lists)</source>
        <translation>В архиве (не показывать в списках)</translation>
    </message>
    <message>
        <source>Circle:</source>
        <translation>Круг:</translation>
    </message>
    <message>
        <source>Responsible manager:</source>
        <translation>Ответственный:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Источник:</translation>
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
        <source>Name:</source>
        <translation>Наименование:</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Роли:</translation>
    </message>
    <message>
        <source>Company phones, e-mails, messengers</source>
        <translation>Телефоны, эл. почта, мессенджеры компании</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Контрагент</translation>
    </message>
    <message>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>KPP</source>
        <translation>КПП</translation>
    </message>
    <message>
        <source>Legal form</source>
        <translation>Правовая форма</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>New counterparty…</source>
        <translation>Новый контрагент…</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Контактное лицо</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Add existing…</source>
        <translation>Подобрать…</translation>
    </message>
    <message>
        <source>New contact person…</source>
        <translation>Новое контактное лицо…</translation>
    </message>
    <message>
        <source>Position and role…</source>
        <translation>Должность и роль…</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Отвязать</translation>
    </message>
    <message>
        <source>This client is</source>
        <translation>Этот клиент —</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>New deal…</source>
        <translation>Новая сделка…</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <source>Save the client first to add links here.</source>
        <translation>Сначала запишите клиента, чтобы добавлять сюда связи.</translation>
    </message>
    <message>
        <source>Came from lead {number} of {date}</source>
        <translation>Пришёл из лида № {number} от {date}</translation>
    </message>
    <message>
        <source>Add a contact person</source>
        <translation>Подбор контактного лица</translation>
    </message>
    <message>
        <source>Unlink «{contact}» from this client? The person stays.</source>
        <translation>Отвязать «{contact}» от этого клиента? Само контактное лицо останется.</translation>
    </message>
    <message>
        <source>Remove the relation to «{client}»?</source>
        <translation>Удалить связь с «{client}»?</translation>
    </message>
    <message>
        <source>Merge into which client?</source>
        <translation>С каким клиентом объединить?</translation>
    </message>
    <message>
        <source>Merge «{duplicate}» into «{survivor}»? Its counterparties, contacts, phones and relations move to «{survivor}», and «{duplicate}» is deleted.</source>
        <translation>Объединить «{duplicate}» с «{survivor}»? Контрагенты, контактные лица, телефоны и связи перейдут к «{survivor}», а «{duplicate}» будет удалён.</translation>
    </message>
    <message>
        <source>Merge clients</source>
        <translation>Объединение клиентов</translation>
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
    <name>ClientListPage</name>
    <message>
        <source>Clients</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>Поставщики</translation>
    </message>
    <message>
        <source>Dealers</source>
        <translation>Дилеры</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>Конкуренты</translation>
    </message>
    <message>
        <source>Carriers</source>
        <translation>Перевозчики</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>Прочие</translation>
    </message>
    <message>
        <source>Search by name, INN, phone or e-mail</source>
        <translation>Поиск по наименованию, ИНН, телефону или эл. почте</translation>
    </message>
    <message>
        <source>Owner manager</source>
        <translation>Ответственный менеджер</translation>
    </message>
    <message>
        <source>All managers</source>
        <translation>Все менеджеры</translation>
    </message>
    <message>
        <source>Client circle</source>
        <translation>Круг клиента</translation>
    </message>
    <message>
        <source>All circles</source>
        <translation>Все круги</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>Все роли</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>Показывать архивные</translation>
    </message>
    <message>
        <source>Show deleted</source>
        <translation>Показывать удалённые</translation>
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
    <name>CompareDialog</name>
    <message>
        <source>Compare with the saved version</source>
        <translation>Сравнение с записанной версией</translation>
    </message>
    <message>
        <source>These fields differ between what you typed and what is saved now. Keep yours to save them over the other changes, or close and reload.</source>
        <translation>Эти поля отличаются: слева — введённое вами, справа — записанное сейчас. Оставьте своё, чтобы записать его поверх чужих изменений, или закройте окно и перечитайте карточку.</translation>
    </message>
    <message>
        <source>What you typed does not differ from what is saved now.</source>
        <translation>Введённое вами не отличается от записанного сейчас.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Моё</translation>
    </message>
    <message>
        <source>Saved meanwhile</source>
        <translation>Записано другим</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Оставить моё</translation>
    </message>
</context>
<context>
    <name>ContactCard</name>
    <message>
        <source>Main</source>
        <translation>Основное</translation>
    </message>
    <message>
        <source>Clients and counterparties</source>
        <translation>Клиенты и контрагенты</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>Связи</translation>
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
        <source>Last name:</source>
        <translation>Фамилия:</translation>
    </message>
    <message>
        <source>First name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Middle name:</source>
        <translation>Отчество:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Должность:</translation>
    </message>
    <message>
        <source>Birthday:</source>
        <translation>Дата рождения:</translation>
    </message>
    <message>
        <source>Phones, e-mails, messengers</source>
        <translation>Телефоны, эл. почта, мессенджеры</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Link to a client…</source>
        <translation>Привязать к клиенту…</translation>
    </message>
    <message>
        <source>Position and role…</source>
        <translation>Должность и роль…</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Отвязать</translation>
    </message>
    <message>
        <source>Counterparties</source>
        <translation>Контрагенты</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Контрагент</translation>
    </message>
    <message>
        <source>Link to a counterparty…</source>
        <translation>Привязать к контрагенту…</translation>
    </message>
    <message>
        <source>This person is</source>
        <translation>Это лицо —</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Контактное лицо</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>New contact person</source>
        <translation>Новое контактное лицо</translation>
    </message>
    <message>
        <source>Save the contact person first to add links here.</source>
        <translation>Сначала запишите контактное лицо, чтобы добавлять сюда связи.</translation>
    </message>
    <message>
        <source>Link to a client</source>
        <translation>Привязка к клиенту</translation>
    </message>
    <message>
        <source>Link to a counterparty</source>
        <translation>Привязка к контрагенту</translation>
    </message>
    <message>
        <source>Unlink this person from «{owner}»?</source>
        <translation>Отвязать это лицо от «{owner}»?</translation>
    </message>
    <message>
        <source>Remove the relation to «{contact}»?</source>
        <translation>Удалить связь с «{contact}»?</translation>
    </message>
</context>
<context>
    <name>ContactColumns</name>
    <message>
        <source>Name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
</context>
<context>
    <name>ContactListPage</name>
    <message>
        <source>Search by name, phone or e-mail</source>
        <translation>Поиск по ФИО, телефону или эл. почте</translation>
    </message>
    <message>
        <source>Show deleted</source>
        <translation>Показывать удалённые</translation>
    </message>
</context>
<context>
    <name>ContactMatchDialog</name>
    <message>
        <source>Link to contact</source>
        <translation>Привязать к контактному лицу</translation>
    </message>
    <message>
        <source>Contacts whose phone or e-mail matches «{text}»:</source>
        <translation>Контактные лица, у которых телефон или e-mail совпадает с «{text}»:</translation>
    </message>
    <message>
        <source>No contact has the phone or e-mail «{text}».</source>
        <translation>Ни у одного контактного лица нет телефона или e-mail «{text}».</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Контактное лицо</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Совпадение</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Привязать</translation>
    </message>
    <message>
        <source>Find another…</source>
        <translation>Найти другое…</translation>
    </message>
</context>
<context>
    <name>ContactSection</name>
    <message>
        <source>Contact person:</source>
        <translation>Контактное лицо:</translation>
    </message>
    <message>
        <source>Role in the deal:</source>
        <translation>Роль в сделке:</translation>
    </message>
    <message>
        <source>The client has no contact persons yet: add one on the client's card (Contact persons tab), then come back.</source>
        <translation>У клиента пока нет контактных лиц: добавьте их в карточке клиента (вкладка «Контактные лица») и вернитесь.</translation>
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
    <name>ContractSection</name>
    <message>
        <source>Contract / order No.:</source>
        <translation>№ договора / заказа:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
</context>
<context>
    <name>ConversionWizard</name>
    <message>
        <source>Convert the lead {number}</source>
        <translation>Квалификация лида {number}</translation>
    </message>
    <message>
        <source>Sale: {client}</source>
        <translation>Продажа: {client}</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Лид</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Номер:</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>ФИО:</translation>
    </message>
    <message>
        <source>Company:</source>
        <translation>Компания:</translation>
    </message>
    <message>
        <source>Existing client</source>
        <translation>Существующий клиент</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Наименование:</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Новый клиент</translation>
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
        <source>Counterparty (legal entity)</source>
        <translation>Контрагент (юридическое лицо)</translation>
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
        <source>INN:</source>
        <translation>ИНН:</translation>
    </message>
    <message>
        <source>KPP:</source>
        <translation>КПП:</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Контактное лицо</translation>
    </message>
    <message>
        <source>New:</source>
        <translation>Новое:</translation>
    </message>
    <message>
        <source>Existing:</source>
        <translation>Существующее:</translation>
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
        <source>Position:</source>
        <translation>Должность:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Роль:</translation>
    </message>
    <message>
        <source>Deal (typical sale)</source>
        <translation>Сделка (типовая продажа)</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Название:</translation>
    </message>
</context>
<context>
    <name>CounterpartyCard</name>
    <message>
        <source>Requisites</source>
        <translation>Реквизиты</translation>
    </message>
    <message>
        <source>Bank accounts</source>
        <translation>Банковские счета</translation>
    </message>
    <message>
        <source>Contact persons</source>
        <translation>Контактные лица</translation>
    </message>
    <message>
        <source>Same as legal</source>
        <translation>Совпадает с юридическим</translation>
    </message>
    <message>
        <source>Not linked to a client</source>
        <translation>Не привязан к клиенту</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <source>OGRN:</source>
        <translation>ОГРН:</translation>
    </message>
    <message>
        <source>KPP:</source>
        <translation>КПП:</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Клиент:</translation>
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
        <source>Legal address:</source>
        <translation>Юридический адрес:</translation>
    </message>
    <message>
        <source>Postal address:</source>
        <translation>Почтовый адрес:</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Контактное лицо</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Add existing…</source>
        <translation>Подобрать…</translation>
    </message>
    <message>
        <source>New contact person…</source>
        <translation>Новое контактное лицо…</translation>
    </message>
    <message>
        <source>Position and role…</source>
        <translation>Должность и роль…</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Отвязать</translation>
    </message>
    <message>
        <source>Choose the client</source>
        <translation>Выбор клиента</translation>
    </message>
    <message>
        <source>OGRNIP:</source>
        <translation>ОГРНИП:</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Контрагент</translation>
    </message>
    <message>
        <source>New counterparty</source>
        <translation>Новый контрагент</translation>
    </message>
    <message>
        <source>Save the counterparty first to add contact persons.</source>
        <translation>Сначала запишите контрагента, чтобы добавлять контактных лиц.</translation>
    </message>
    <message>
        <source>Add a contact person</source>
        <translation>Подбор контактного лица</translation>
    </message>
    <message>
        <source>Unlink «{contact}» from this counterparty? The person stays.</source>
        <translation>Отвязать «{contact}» от этого контрагента? Само контактное лицо останется.</translation>
    </message>
</context>
<context>
    <name>CounterpartyColumns</name>
    <message>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Legal form</source>
        <translation>Правовая форма</translation>
    </message>
    <message>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>KPP</source>
        <translation>КПП</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Legal address</source>
        <translation>Юридический адрес</translation>
    </message>
</context>
<context>
    <name>CounterpartyListPage</name>
    <message>
        <source>Organisations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <source>Sole traders</source>
        <translation>Предприниматели (ИП)</translation>
    </message>
    <message>
        <source>Private persons</source>
        <translation>Физические лица</translation>
    </message>
    <message>
        <source>Search by name, INN or OGRN</source>
        <translation>Поиск по наименованию, ИНН или ОГРН</translation>
    </message>
    <message>
        <source>Kind of counterparty</source>
        <translation>Вид контрагента</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Все виды</translation>
    </message>
    <message>
        <source>Show deleted</source>
        <translation>Показывать удалённые</translation>
    </message>
</context>
<context>
    <name>CounterpartySection</name>
    <message>
        <source>no INN</source>
        <translation>нет ИНН</translation>
    </message>
    <message>
        <source>Counterparty:</source>
        <translation>Контрагент:</translation>
    </message>
    <message>
        <source>The client has no counterparty yet: add one with its requisites on the client's card, then come back.</source>
        <translation>У клиента пока нет контрагента: добавьте его с реквизитами в карточке клиента и вернитесь.</translation>
    </message>
</context>
<context>
    <name>CsvFileDialog</name>
    <message>
        <source>Export the funnel to CSV</source>
        <translation>Выгрузка воронки в CSV</translation>
    </message>
</context>
<context>
    <name>DealCard</name>
    <message>
        <source>Main</source>
        <translation>Основное</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Этапы</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>Спецификация</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Соглашение</translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation>Коммерческие предложения</translation>
    </message>
    <message>
        <source>Next stage…</source>
        <translation>Следующий этап…</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Выиграна</translation>
    </message>
    <message>
        <source>Lost…</source>
        <translation>Проиграна…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Возобновить…</translation>
    </message>
    <message>
        <source>A supervisor reopens a won or lost deal</source>
        <translation>Руководитель возобновляет выигранную или проигранную сделку</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Open the client's card</source>
        <translation>Открыть карточку клиента</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>What the client wants, for when, what matters</source>
        <translation>Что нужно клиенту, к какому сроку, что для него важно</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Номер:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Наименование:</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Клиент:</translation>
    </message>
    <message>
        <source>Counterparty:</source>
        <translation>Контрагент:</translation>
    </message>
    <message>
        <source>Kind of deal:</source>
        <translation>Вид сделки:</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>Этап:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Состояние:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <source>Responsible manager:</source>
        <translation>Ответственный:</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Сумма:</translation>
    </message>
    <message>
        <source>Probability:</source>
        <translation>Вероятность:</translation>
    </message>
    <message>
        <source>Opened:</source>
        <translation>Начата:</translation>
    </message>
    <message>
        <source>Expected close:</source>
        <translation>Плановое завершение:</translation>
    </message>
    <message>
        <source>Closed:</source>
        <translation>Завершена:</translation>
    </message>
    <message>
        <source>Contract / order No.:</source>
        <translation>№ договора / заказа:</translation>
    </message>
    <message>
        <source>Contract date:</source>
        <translation>Дата договора:</translation>
    </message>
    <message>
        <source>The client's need</source>
        <translation>Потребность клиента</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>История этапов</translation>
    </message>
    <message>
        <source>The deal's amount is the total of its lines. Type an SKU or the beginning of a name to pick a product from the catalogue at the agreement's prices; free text is a line too. Prices include VAT and are per price unit (1 kg of a 5 kg pack); a product's quantity counts whole packs.</source>
        <translation>Сумма сделки — итог строк спецификации. Введите артикул или начало наименования, чтобы подобрать товар из номенклатуры по ценам соглашения; можно ввести и строку произвольным текстом. Цены указаны с НДС за единицу цены (1 кг в упаковке по 5 кг); количество товара — целое число упаковок.</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Участник</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Add employee…</source>
        <translation>Добавить сотрудника…</translation>
    </message>
    <message>
        <source>Add contact person…</source>
        <translation>Добавить контактное лицо…</translation>
    </message>
    <message>
        <source>Add partner…</source>
        <translation>Добавить партнёра…</translation>
    </message>
    <message>
        <source>Role…</source>
        <translation>Роль…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Make an individual agreement from this typical one…</source>
        <translation>Создать индивидуальное соглашение по этому типовому…</translation>
    </message>
    <message>
        <source>Terms of the agreement</source>
        <translation>Условия соглашения</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <source>Price type:</source>
        <translation>Вид цен:</translation>
    </message>
    <message>
        <source>Discount:</source>
        <translation>Скидка:</translation>
    </message>
    <message>
        <source>Prepayment:</source>
        <translation>Предоплата:</translation>
    </message>
    <message>
        <source>Payment deferral:</source>
        <translation>Отсрочка платежа:</translation>
    </message>
    <message>
        <source>Delivery time:</source>
        <translation>Срок поставки:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Действует:</translation>
    </message>
    <message>
        <source>The agreement's price type and discount apply to the deal's proposals. Typical agreements serve a segment; an individual one is made for this client.</source>
        <translation>Вид цен и скидка соглашения применяются в коммерческих предложениях по сделке. Типовые соглашения действуют для сегмента клиентов, индивидуальное заключается с этим клиентом.</translation>
    </message>
    <message>
        <source>Sales agreement:</source>
        <translation>Соглашение:</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Действительно до</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>НДС</translation>
    </message>
    <message>
        <source>Issue proposal</source>
        <translation>Сформировать предложение</translation>
    </message>
    <message>
        <source>A new proposal from the specification as saved, at the agreement's prices</source>
        <translation>Новое предложение по сохранённой спецификации, по ценам соглашения</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>Новая версия</translation>
    </message>
    <message>
        <source>The same proposal again from the current specification and terms</source>
        <translation>То же предложение заново — по текущей спецификации и условиям</translation>
    </message>
    <message>
        <source>Terms…</source>
        <translation>Условия…</translation>
    </message>
    <message>
        <source>Validity, our company, the counterparty and the terms of a draft</source>
        <translation>Срок действия, организация, контрагент и условия черновика</translation>
    </message>
    <message>
        <source>Mark sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Согласовано</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Просмотр</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Сохранить в PDF…</translation>
    </message>
    <message>
        <source>Send by e-mail…</source>
        <translation>Отправить по почте…</translation>
    </message>
    <message>
        <source>(given when saved)</source>
        <translation>(присваивается при записи)</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <source>New deal</source>
        <translation>Новая сделка</translation>
    </message>
    <message>
        <source>no INN</source>
        <translation>нет ИНН</translation>
    </message>
    <message>
        <source>typical</source>
        <translation>типовое</translation>
    </message>
    <message>
        <source>individual</source>
        <translation>индивидуальное</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} дн.</translation>
    </message>
    <message>
        <source>from {start} to {end}</source>
        <translation>с {start} по {end}</translation>
    </message>
    <message>
        <source>without a time limit</source>
        <translation>бессрочно</translation>
    </message>
    <message>
        <source>Typical</source>
        <translation>Типовое</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Индивидуальное</translation>
    </message>
    <message>
        <source>the total of the specification</source>
        <translation>итог спецификации</translation>
    </message>
    <message>
        <source>A typical sale is won from its last stage (contract / order)</source>
        <translation>Типовая продажа выигрывается на последнем этапе (договор / заказ)</translation>
    </message>
    <message>
        <source>The deal is closed: {status} on {date}. Only a supervisor can reopen it.</source>
        <translation>Сделка завершена: {status} {date}. Возобновить её может только руководитель.</translation>
    </message>
    <message>
        <source>To leave the stage «{stage}» the deal still needs:</source>
        <translation>Чтобы перейти с этапа «{stage}», по сделке ещё нужно:</translation>
    </message>
    <message>
        <source>Everything the stage «{stage}» needs is there.</source>
        <translation>Всё, что нужно на этапе «{stage}», выполнено.</translation>
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
        <source>Save the deal first to add these.</source>
        <translation>Сначала запишите сделку.</translation>
    </message>
    <message>
        <source>An older version: a newer one of {number} exists</source>
        <translation>Устаревшая версия: у предложения {number} есть более новая</translation>
    </message>
    <message>
        <source>A newer version of this proposal exists: send that one</source>
        <translation>У этого предложения есть более новая версия: отправьте её</translation>
    </message>
    <message>
        <source>Remove «{name}» from the deal's participants?</source>
        <translation>Удалить «{name}» из участников сделки?</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Отправлено на принтер.</translation>
    </message>
    <message>
        <source>Make an individual agreement for «{client}» from «{template}»? It gets the same terms, becomes active and is chosen for this deal.</source>
        <translation>Создать для «{client}» индивидуальное соглашение по типовому «{template}»? Оно получит те же условия, станет действующим и будет выбрано в этой сделке.</translation>
    </message>
    <message>
        <source>Individual agreement</source>
        <translation>Индивидуальное соглашение</translation>
    </message>
    <message>
        <source>The client of the deal</source>
        <translation>Клиент сделки</translation>
    </message>
    <message>
        <source>The deal has unsaved changes. Save them first?</source>
        <translation>Сделка изменена. Записать изменения?</translation>
    </message>
    <message>
        <source>Close the deal «{title}» as won?</source>
        <translation>Завершить сделку «{title}» как выигранную?</translation>
    </message>
</context>
<context>
    <name>DealColumns</name>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Дата начала</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Плановая дата</translation>
    </message>
</context>
<context>
    <name>DealField</name>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
</context>
<context>
    <name>DealFields</name>
    <message>
        <source>Title</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Контрагент</translation>
    </message>
    <message>
        <source>Kind of deal</source>
        <translation>Вид сделки</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Вероятность</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Responsible manager</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Дата начала</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Плановая дата завершения</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Дата завершения</translation>
    </message>
    <message>
        <source>Loss reason</source>
        <translation>Причина проигрыша</translation>
    </message>
    <message>
        <source>Loss comment</source>
        <translation>Комментарий к проигрышу</translation>
    </message>
    <message>
        <source>Contract / order No.</source>
        <translation>Номер договора / заказа</translation>
    </message>
    <message>
        <source>Contract / order date</source>
        <translation>Дата договора / заказа</translation>
    </message>
    <message>
        <source>Client's need</source>
        <translation>Потребность клиента</translation>
    </message>
    <message>
        <source>Sales agreement</source>
        <translation>Соглашение об условиях продаж</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>Спецификация</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Commercial proposals</source>
        <translation>Коммерческие предложения</translation>
    </message>
    <message>
        <source>Client's circle</source>
        <translation>Круг клиента</translation>
    </message>
    <message>
        <source>Goods or service</source>
        <translation>Номенклатура</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Ед. изм.</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Discount, %</source>
        <translation>Скидка, %</translation>
    </message>
    <message>
        <source>VAT rate</source>
        <translation>Ставка НДС</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Действует до</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Участник</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Коммерческое предложение</translation>
    </message>
</context>
<context>
    <name>DealLines</name>
    <message>
        <source>Goods or service</source>
        <translation>Номенклатура</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Ед. изм.</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Артикул</translation>
    </message>
    <message>
        <source>Price per price unit</source>
        <translation>Цена за ед. цены</translation>
    </message>
    <message>
        <source>Discount, %</source>
        <translation>Скидка, %</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>НДС</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>incl. VAT</source>
        <translation>в т.ч. НДС</translation>
    </message>
    <message>
        <source>{price} per {unit}</source>
        <translation>{price} за {unit}</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>нет цены</translation>
    </message>
</context>
<context>
    <name>DealListPage</name>
    <message>
        <source>In progress</source>
        <translation>В работе</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Выиграна</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Проиграна</translation>
    </message>
    <message>
        <source>Search by the deal's number or the start of its title</source>
        <translation>Поиск по номеру сделки или началу наименования</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>Все этапы</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>Responsible manager</source>
        <translation>Ответственный менеджер</translation>
    </message>
    <message>
        <source>All managers</source>
        <translation>Все менеджеры</translation>
    </message>
    <message>
        <source>Opened on or after</source>
        <translation>Начата не раньше</translation>
    </message>
    <message>
        <source>Opened on or before</source>
        <translation>Начата не позже</translation>
    </message>
    <message>
        <source>Show deleted</source>
        <translation>Показывать удалённые</translation>
    </message>
    <message>
        <source>Opened:</source>
        <translation>Начата:</translation>
    </message>
</context>
<context>
    <name>DealValues</name>
    <message>
        <source>Typical sale</source>
        <translation>Типовая продажа</translation>
    </message>
    <message>
        <source>Manual stages</source>
        <translation>С ручным переходом по этапам</translation>
    </message>
    <message>
        <source>Non-process deal</source>
        <translation>Прочая непроцессная сделка</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>В работе</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Выиграна</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Проиграна</translation>
    </message>
    <message>
        <source>20%</source>
        <translation>20%</translation>
    </message>
    <message>
        <source>10%</source>
        <translation>10%</translation>
    </message>
    <message>
        <source>0%</source>
        <translation>0%</translation>
    </message>
    <message>
        <source>Without VAT</source>
        <translation>Без НДС</translation>
    </message>
    <message>
        <source>contact person attached</source>
        <translation>указано контактное лицо</translation>
    </message>
    <message>
        <source>need described</source>
        <translation>описана потребность</translation>
    </message>
    <message>
        <source>specification filled in</source>
        <translation>заполнена спецификация</translation>
    </message>
    <message>
        <source>client classified</source>
        <translation>клиент классифицирован</translation>
    </message>
    <message>
        <source>sales agreement chosen</source>
        <translation>выбрано соглашение</translation>
    </message>
    <message>
        <source>proposal sent</source>
        <translation>предложение отправлено</translation>
    </message>
    <message>
        <source>proposal accepted</source>
        <translation>предложение согласовано</translation>
    </message>
    <message>
        <source>counterparty with requisites</source>
        <translation>указан контрагент с реквизитами</translation>
    </message>
    <message>
        <source>contract recorded</source>
        <translation>указан договор</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Согласовано</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <source>Our employee</source>
        <translation>Наш сотрудник</translation>
    </message>
    <message>
        <source>Client's contact person</source>
        <translation>Контактное лицо клиента</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Партнёр</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Действует</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закрыто</translation>
    </message>
    <message>
        <source>Responsible for the deal</source>
        <translation>Ответственный за сделку</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>Инженер</translation>
    </message>
    <message>
        <source>Lawyer</source>
        <translation>Юрист</translation>
    </message>
    <message>
        <source>Logistics</source>
        <translation>Логист</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>ЛПР</translation>
    </message>
    <message>
        <source>Influences the decision</source>
        <translation>Влияет на решение</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Закупщик</translation>
    </message>
    <message>
        <source>Signatory</source>
        <translation>Подписант</translation>
    </message>
    <message>
        <source>Accountant</source>
        <translation>Бухгалтер</translation>
    </message>
    <message>
        <source>Designer</source>
        <translation>Проектировщик</translation>
    </message>
    <message>
        <source>Distributor</source>
        <translation>Дистрибьютор</translation>
    </message>
    <message>
        <source>Subcontractor</source>
        <translation>Субподрядчик</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Агент</translation>
    </message>
</context>
<context>
    <name>DemoOffer</name>
    <message>
        <source>Creating demo data…</source>
        <translation>Создание демонстрационных данных…</translation>
    </message>
    <message numerus="yes">
        <source>The database is empty. Load demo data (%n companies) to try the program?</source>
        <translation>
            <numerusform>База данных пуста. Загрузить демонстрационные данные (%n компания), чтобы попробовать программу?</numerusform>
            <numerusform>База данных пуста. Загрузить демонстрационные данные (%n компании), чтобы попробовать программу?</numerusform>
            <numerusform>База данных пуста. Загрузить демонстрационные данные (%n компаний), чтобы попробовать программу?</numerusform>
        </translation>
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
    <name>EditableTable</name>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Row {row}: {text}</source>
        <translation>Строка {row}: {text}</translation>
    </message>
</context>
<context>
    <name>EmailDialog</name>
    <message>
        <source>Send by e-mail</source>
        <translation>Отправить по почте</translation>
    </message>
    <message>
        <source>Open settings…</source>
        <translation>Открыть настройки…</translation>
    </message>
    <message>
        <source>Remember the password in the system keyring</source>
        <translation>Запомнить пароль в хранилище паролей системы</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>От кого:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Кому:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Тема:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Текст письма:</translation>
    </message>
    <message>
        <source>Attachment:</source>
        <translation>Вложение:</translation>
    </message>
    <message>
        <source>Mail server:</source>
        <translation>Почтовый сервер:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Отправка…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Good afternoon!</source>
        <translation>Добрый день!</translation>
    </message>
    <message>
        <source>Please find attached our commercial proposal No. {number} of {date}.</source>
        <translation>Направляем вам коммерческое предложение № {number} от {date}.</translation>
    </message>
    <message>
        <source>We will be glad to answer your questions.</source>
        <translation>Будем рады ответить на ваши вопросы.</translation>
    </message>
    <message>
        <source>Best regards,</source>
        <translation>С уважением,</translation>
    </message>
    <message>
        <source>No mail server is set up on this computer yet. Set it up in Settings → E-mail, then send the proposal.</source>
        <translation>На этом компьютере ещё не настроен почтовый сервер. Настройте его в разделе «Настройки → Почта», затем отправьте предложение.</translation>
    </message>
    <message>
        <source>no encryption</source>
        <translation>без шифрования</translation>
    </message>
    <message>
        <source>the password of {login}</source>
        <translation>пароль учётной записи {login}</translation>
    </message>
    <message>
        <source>Enter the recipient's e-mail address.</source>
        <translation>Укажите адрес электронной почты получателя.</translation>
    </message>
    <message>
        <source>Enter the subject.</source>
        <translation>Укажите тему письма.</translation>
    </message>
</context>
<context>
    <name>FilesTab</name>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Добавлен</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Кем</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Сохранить копию…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Save the claim first to attach files.</source>
        <translation>Чтобы прикрепить файлы, сначала запишите претензию.</translation>
    </message>
    <message>
        <source>Could not read {path}: {error}</source>
        <translation>Не удалось прочитать {path}: {error}</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>Не удалось записать {path}: {error}</translation>
    </message>
    <message>
        <source>Remove the file «{name}» from the claim?</source>
        <translation>Удалить файл «{name}» из претензии?</translation>
    </message>
</context>
<context>
    <name>FunnelReportPage</name>
    <message>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Этот квартал</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <source>All managers</source>
        <translation>Все менеджеры</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Сформировать</translation>
    </message>
    <message>
        <source>Export to CSV…</source>
        <translation>Выгрузить в CSV…</translation>
    </message>
    <message>
        <source>Sales funnel</source>
        <translation>Воронка продаж</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Вошло сделок</translation>
    </message>
    <message>
        <source>Moved on</source>
        <translation>Перешли дальше</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Конверсия</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Проиграно</translation>
    </message>
    <message>
        <source>Loss reasons</source>
        <translation>Причины проигрыша</translation>
    </message>
    <message>
        <source>Deal efficiency</source>
        <translation>Эффективность сделок</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Сделок</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Выиграно</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>В работе</translation>
    </message>
    <message>
        <source>Won and lost: deals closed in the period. In progress: deals opened by its end and still open.</source>
        <translation>Выиграно и проиграно — сделки, завершённые за период. В работе — начатые до конца периода и ещё не завершённые.</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Период с</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>Manager:</source>
        <translation>Менеджер:</translation>
    </message>
    <message>
        <source>Remained at the stage</source>
        <translation>Остались на этапе</translation>
    </message>
    <message>
        <source>funnel {start}-{end}.csv</source>
        <translation>воронка {start}-{end}.csv</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>Не удалось записать {path}: {error}</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Was</source>
        <translation>Было</translation>
    </message>
    <message>
        <source>Became</source>
        <translation>Стало</translation>
    </message>
    <message>
        <source>Record created</source>
        <translation>Запись создана</translation>
    </message>
    <message>
        <source>Record changed</source>
        <translation>Запись изменена</translation>
    </message>
    <message>
        <source>Record deleted</source>
        <translation>Запись удалена</translation>
    </message>
    <message>
        <source>Record restored</source>
        <translation>Запись восстановлена</translation>
    </message>
    <message>
        <source>contact information</source>
        <translation>контактная информация</translation>
    </message>
    <message>
        <source>bank account</source>
        <translation>банковский счёт</translation>
    </message>
    <message>
        <source>relation</source>
        <translation>связь</translation>
    </message>
    <message>
        <source>contact person</source>
        <translation>контактное лицо</translation>
    </message>
    <message>
        <source>client</source>
        <translation>клиент</translation>
    </message>
    <message>
        <source>counterparty</source>
        <translation>контрагент</translation>
    </message>
    <message>
        <source>Added: {part} «{name}»</source>
        <translation>Добавлено: {part} «{name}»</translation>
    </message>
    <message>
        <source>Removed: {part} «{name}»</source>
        <translation>Удалено: {part} «{name}»</translation>
    </message>
    <message>
        <source>Restored: {part} «{name}»</source>
        <translation>Восстановлено: {part} «{name}»</translation>
    </message>
</context>
<context>
    <name>InteractionCard</name>
    <message>
        <source>Main</source>
        <translation>Основное</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Цепочка</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>Ответить…</translation>
    </message>
    <message>
        <source>Register the next interaction of this conversation (a reply)</source>
        <translation>Зарегистрировать следующее взаимодействие этой переписки (ответ)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>The contact person</source>
        <translation>Контактное лицо</translation>
    </message>
    <message>
        <source>A phone or an e-mail, when the person is not in the contacts yet</source>
        <translation>Телефон или e-mail, если человека ещё нет в контактах</translation>
    </message>
    <message>
        <source>Link to contact…</source>
        <translation>Привязать к контактному лицу…</translation>
    </message>
    <message>
        <source>The client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>What was agreed, what happens next</source>
        <translation>О чём договорились, что дальше</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Тема:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Статус:</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Длительность:</translation>
    </message>
    <message>
        <source>Responsible:</source>
        <translation>Ответственный:</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Клиент:</translation>
    </message>
    <message>
        <source>Deal:</source>
        <translation>Сделка:</translation>
    </message>
    <message>
        <source>Contact person:</source>
        <translation>Контактное лицо:</translation>
    </message>
    <message>
        <source>Phone or e-mail:</source>
        <translation>Телефон или e-mail:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>С кем</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Reply to {link}</source>
        <translation>Ответ на {link}</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>Взаимодействие</translation>
    </message>
    <message>
        <source>New interaction</source>
        <translation>Новое взаимодействие</translation>
    </message>
    <message>
        <source>Save the interaction first.</source>
        <translation>Сначала запишите взаимодействие.</translation>
    </message>
    <message>
        <source>Chain ({count})</source>
        <translation>Цепочка ({count})</translation>
    </message>
</context>
<context>
    <name>InteractionColumns</name>
    <message>
        <source>When</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>С кем</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
</context>
<context>
    <name>InteractionListPage</name>
    <message>
        <source>Search by the beginning of the subject</source>
        <translation>Поиск по началу темы</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Все виды</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>All managers</source>
        <translation>Все менеджеры</translation>
    </message>
    <message>
        <source>On or after</source>
        <translation>С даты</translation>
    </message>
    <message>
        <source>On or before</source>
        <translation>По дату</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>Все клиенты</translation>
    </message>
    <message>
        <source>Only one client's interactions (click to choose)</source>
        <translation>Взаимодействия одного клиента (нажмите, чтобы выбрать)</translation>
    </message>
    <message>
        <source>Group by subject</source>
        <translation>Группировать по теме</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Последнее</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Chain of the selected interaction</source>
        <translation>Цепочка выбранного взаимодействия</translation>
    </message>
    <message>
        <source>Only this client</source>
        <translation>Только этот клиент</translation>
    </message>
</context>
<context>
    <name>InteractionsTab</name>
    <message>
        <source>When</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>С кем</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Register…</source>
        <translation>Зарегистрировать…</translation>
    </message>
    <message>
        <source>Register a call, meeting or e-mail</source>
        <translation>Зарегистрировать звонок, встречу или письмо</translation>
    </message>
    <message>
        <source>Plan…</source>
        <translation>Запланировать…</translation>
    </message>
    <message>
        <source>A planned interaction: a call or meeting to come</source>
        <translation>Запланированное взаимодействие: предстоящий звонок или встреча</translation>
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
        <source>A private buyer: the client and its contact person are created at once from the person's name, phone and e-mail.</source>
        <translation>Частный покупатель: клиент и его контактное лицо создаются сразу — по ФИО, телефону и электронной почте.</translation>
    </message>
</context>
<context>
    <name>LeadCard</name>
    <message>
        <source>Main</source>
        <translation>Основное</translation>
    </message>
    <message>
        <source>Calls, letters and meetings with this lead will be shown here.</source>
        <translation>Здесь будут звонки, письма и встречи по этому лиду.</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>Взаимодействия</translation>
    </message>
    <message>
        <source>Take in work</source>
        <translation>Взять в работу</translation>
    </message>
    <message>
        <source>The lead becomes yours and goes to work</source>
        <translation>Лид станет вашим и перейдёт в работу</translation>
    </message>
    <message>
        <source>Convert…</source>
        <translation>Квалифицировать…</translation>
    </message>
    <message>
        <source>Make the lead a client: the client, its contact person and a deal</source>
        <translation>Преобразовать лид в клиента: клиент, контактное лицо и сделка</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Отклонить…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Вернуть в работу</translation>
    </message>
    <message>
        <source>Bring the rejected lead back to work</source>
        <translation>Вернуть отклонённый лид в работу</translation>
    </message>
    <message>
        <source>Last name, first name and middle name</source>
        <translation>Фамилия, имя и отчество</translation>
    </message>
    <message>
        <source>What the person asked about</source>
        <translation>Что интересует обратившегося</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>ФИО:</translation>
    </message>
    <message>
        <source>Company:</source>
        <translation>Компания:</translation>
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
        <source>INN:</source>
        <translation>ИНН:</translation>
    </message>
    <message>
        <source>KPP:</source>
        <translation>КПП:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Статус:</translation>
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
        <source>Interest:</source>
        <translation>Интерес:</translation>
    </message>
    <message>
        <source>Converted into</source>
        <translation>Результат квалификации</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Клиент:</translation>
    </message>
    <message>
        <source>Contact person:</source>
        <translation>Контактное лицо:</translation>
    </message>
    <message>
        <source>Counterparty:</source>
        <translation>Контрагент:</translation>
    </message>
    <message>
        <source>Deal:</source>
        <translation>Сделка:</translation>
    </message>
    <message>
        <source>New lead</source>
        <translation>Новый лид</translation>
    </message>
    <message>
        <source>Lead {number}</source>
        <translation>Лид {number}</translation>
    </message>
    <message>
        <source>received {when}</source>
        <translation>получен {when}</translation>
    </message>
    <message>
        <source>{status}: {reason}</source>
        <translation>{status}: {reason}</translation>
    </message>
    <message>
        <source>{status} {when}</source>
        <translation>{status} {when}</translation>
    </message>
    <message>
        <source>Open the card</source>
        <translation>Открыть карточку</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Лид</translation>
    </message>
    <message>
        <source>The lead is rejected ({reason}). Reopen it to work with it again.</source>
        <translation>Лид отклонён ({reason}). Чтобы работать с ним снова, верните его в работу.</translation>
    </message>
    <message>
        <source>The lead is converted: work with its client from now on.</source>
        <translation>Лид квалифицирован: дальше работайте с его клиентом.</translation>
    </message>
    <message>
        <source>The lead has unsaved changes. Save them first?</source>
        <translation>В лиде есть несохранённые изменения. Сохранить их?</translation>
    </message>
</context>
<context>
    <name>LeadColumns</name>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Дата поступления</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Организация</translation>
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
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
</context>
<context>
    <name>LeadCsvFileDialog</name>
    <message>
        <source>Export the lead sources to CSV</source>
        <translation>Выгрузка источников лидов в CSV</translation>
    </message>
</context>
<context>
    <name>LeadDealPage</name>
    <message>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <source>A typical sale at its first stage, with the contact person taking part and the lead's interest as the need.</source>
        <translation>Типовая продажа на первом этапе: контактное лицо — участник, интерес лида — потребность.</translation>
    </message>
    <message>
        <source>Create a &amp;deal for the client</source>
        <translation>Создать &amp;сделку по клиенту</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>The need: {interest}</source>
        <translation>Потребность: {interest}</translation>
    </message>
</context>
<context>
    <name>LeadDetailsPage</name>
    <message>
        <source>Client, counterparty and contact person</source>
        <translation>Клиент, контрагент и контактное лицо</translation>
    </message>
    <message>
        <source>Filled in from the lead; correct what is needed. Nothing is saved yet.</source>
        <translation>Заполнено по лиду; исправьте, что нужно. Пока ничего не сохранено.</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <source>— not chosen —</source>
        <translation>— не выбран —</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Наименование:</translation>
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
        <source>Counterparty (legal entity)</source>
        <translation>Контрагент (юридическое лицо)</translation>
    </message>
    <message>
        <source>&amp;Legal form:</source>
        <translation>&amp;Правовая форма:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>П&amp;олное наименование:</translation>
    </message>
    <message>
        <source>S&amp;hort name:</source>
        <translation>&amp;Сокращённое наименование:</translation>
    </message>
    <message>
        <source>&amp;INN:</source>
        <translation>И&amp;НН:</translation>
    </message>
    <message>
        <source>&amp;KPP:</source>
        <translation>К&amp;ПП:</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Контактное лицо</translation>
    </message>
    <message>
        <source>Create a ne&amp;w contact person</source>
        <translation>Создать &amp;новое контактное лицо</translation>
    </message>
    <message>
        <source>An e&amp;xisting contact of the client:</source>
        <translation>С&amp;уществующее контактное лицо клиента:</translation>
    </message>
    <message>
        <source>No contact person</source>
        <translation>Без контактного лица</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Фамилия:</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>&amp;Middle name:</source>
        <translation>&amp;Отчество:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>&amp;Эл. почта:</translation>
    </message>
    <message>
        <source>P&amp;osition:</source>
        <translation>&amp;Должность:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Роль:</translation>
    </message>
    <message>
        <source>Create the &amp;counterparty from the lead's INN</source>
        <translation>Создать &amp;контрагента по ИНН лида</translation>
    </message>
    <message>
        <source>The lead goes to the existing client «{client}».</source>
        <translation>Лид будет привязан к существующему клиенту «{client}».</translation>
    </message>
    <message>
        <source>Link the client's &amp;counterparty with the lead's INN</source>
        <translation>Привязать &amp;контрагента клиента с ИНН лида</translation>
    </message>
    <message>
        <source>The lead has no INN: the counterparty can be added later in the client's card.</source>
        <translation>У лида нет ИНН: контрагента можно добавить позже в карточке клиента.</translation>
    </message>
    <message>
        <source>The client's counterparty with INN {inn} is linked; if the client has none, it is created from the lead.</source>
        <translation>Будет привязан контрагент клиента с ИНН {inn}; если его нет, он будет создан по данным лида.</translation>
    </message>
    <message>
        <source>The counterparty is made from the lead's INN {inn} and company name.</source>
        <translation>Контрагент будет создан по ИНН лида {inn} и названию компании.</translation>
    </message>
</context>
<context>
    <name>LeadMatchPage</name>
    <message>
        <source>Who is the lead</source>
        <translation>Кто этот лид</translation>
    </message>
    <message>
        <source>Clients already registered with the same INN, phone or e-mail, or a similar name. Nothing has been saved yet.</source>
        <translation>Уже зарегистрированные клиенты с тем же ИНН, телефоном или эл. почтой либо с похожим наименованием. Пока ничего не сохранено.</translation>
    </message>
    <message>
        <source>INN {inn}</source>
        <translation>ИНН {inn}</translation>
    </message>
    <message>
        <source>The lead {number}: {known}</source>
        <translation>Лид {number}: {known}</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Why it looks the same</source>
        <translation>Чем похож</translation>
    </message>
    <message>
        <source>&amp;Use the client selected above</source>
        <translation>&amp;Использовать выбранного выше клиента</translation>
    </message>
    <message>
        <source>&amp;Create a new client</source>
        <translation>&amp;Создать нового клиента</translation>
    </message>
    <message numerus="yes">
        <source>Found %n client(s) that may be this lead:</source>
        <translation>
            <numerusform>Найдено клиентов, похожих на этот лид: %n</numerusform>
            <numerusform>Найдено клиентов, похожих на этот лид: %n</numerusform>
            <numerusform>Найдено клиентов, похожих на этот лид: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>No client like this lead is registered yet.</source>
        <translation>Клиентов, похожих на этот лид, пока нет.</translation>
    </message>
    <message>
        <source>The selected client has the lead's INN: the lead is most likely this client, so it is chosen for you.</source>
        <translation>У выбранного клиента тот же ИНН, что у лида: скорее всего, это он, поэтому он выбран сразу.</translation>
    </message>
    <message>
        <source>Choose the client in the list.</source>
        <translation>Выберите клиента в списке.</translation>
    </message>
</context>
<context>
    <name>LeadSourcesReportPage</name>
    <message>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Этот квартал</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <source>All managers</source>
        <translation>Все менеджеры</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Сформировать</translation>
    </message>
    <message>
        <source>Export to CSV…</source>
        <translation>Выгрузить в CSV…</translation>
    </message>
    <message>
        <source>Lead sources: received and qualified</source>
        <translation>Источники лидов: получено и квалифицировано</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Leads received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <source>Leads qualified</source>
        <translation>Квалифицировано</translation>
    </message>
    <message>
        <source>Leads rejected</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>В работе</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Конверсия</translation>
    </message>
    <message>
        <source>Days to qualify, median</source>
        <translation>Дней до квалификации (медиана)</translation>
    </message>
    <message>
        <source>Days to qualify, mean</source>
        <translation>Дней до квалификации (среднее)</translation>
    </message>
    <message>
        <source>Received from</source>
        <translation>Получены с</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>Manager:</source>
        <translation>Менеджер:</translation>
    </message>
    <message>
        <source>Leads received in the period, by source. Qualified: converted into clients; open: new or in work now. Days to qualify: from receipt to conversion.</source>
        <translation>Лиды, полученные за период, по источникам. Квалифицировано — преобразованы в клиентов; в работе — новые или в работе сейчас. Дней до квалификации — от получения лида до его квалификации.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>No source</source>
        <translation>Источник не указан</translation>
    </message>
    <message>
        <source>lead sources {start}-{end}.csv</source>
        <translation>источники лидов {start}-{end}.csv</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>Не удалось записать {path}: {error}</translation>
    </message>
</context>
<context>
    <name>LeadStatus</name>
    <message>
        <source>New</source>
        <translation>Новый</translation>
    </message>
    <message>
        <source>In work</source>
        <translation>В работе</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Квалифицирован</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонён</translation>
    </message>
</context>
<context>
    <name>LeadSummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Nothing has been saved yet. Press Finish to convert the lead.</source>
        <translation>Пока ничего не сохранено. Нажмите «Готово», чтобы квалифицировать лид.</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Why it looks the same</source>
        <translation>Чем похож</translation>
    </message>
    <message>
        <source>The lead is none of these: create a new client &amp;anyway</source>
        <translation>Лид — не один из них: &amp;всё равно создать нового клиента</translation>
    </message>
    <message>
        <source>Tick the box to create a new client, or go Back and choose the client.</source>
        <translation>Отметьте флажок, чтобы создать нового клиента, или вернитесь «Назад» и выберите клиента.</translation>
    </message>
</context>
<context>
    <name>LeadsList</name>
    <message>
        <source>Search by the lead's number, the start of the name, a phone or an e-mail</source>
        <translation>Поиск по номеру лида, началу ФИО, телефону или эл. почте</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Все источники</translation>
    </message>
    <message>
        <source>Responsible manager</source>
        <translation>Ответственный менеджер</translation>
    </message>
    <message>
        <source>All managers</source>
        <translation>Все менеджеры</translation>
    </message>
    <message>
        <source>Received on or after</source>
        <translation>Получен не раньше</translation>
    </message>
    <message>
        <source>Received on or before</source>
        <translation>Получен не позже</translation>
    </message>
    <message>
        <source>New lead</source>
        <translation>Новый лид</translation>
    </message>
    <message>
        <source>Open the card of a new lead</source>
        <translation>Открыть карточку нового лида</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Получен:</translation>
    </message>
</context>
<context>
    <name>LinesEditor</name>
    <message>
        <source>pcs</source>
        <translation>шт</translation>
    </message>
    <message>
        <source>The price of one price unit, VAT included: of 1 kg for nails sold in 5 kg packs. The amount is quantity × units in the pack × price.</source>
        <translation>Цена одной единицы цены с НДС: например, 1 кг для гвоздей, которые продаются упаковками по 5 кг. Сумма = количество × единиц в упаковке × цена.</translation>
    </message>
    <message>
        <source>Type an SKU or the beginning of a name to pick from the catalogue</source>
        <translation>Введите артикул или начало наименования, чтобы подобрать из номенклатуры</translation>
    </message>
    <message>
        <source>Row {row}: «{name}» has no price of the agreement's type; enter it.</source>
        <translation>Строка {row}: у «{name}» нет цены вида цен соглашения — укажите цену.</translation>
    </message>
    <message>
        <source>Total: {total}    incl. VAT: {vat}</source>
        <translation>Итого: {total}    в т.ч. НДС: {vat}</translation>
    </message>
    <message>
        <source>Row {row}: there is no product with the SKU «{sku}» in the catalogue.</source>
        <translation>Строка {row}: в номенклатуре нет товара с артикулом «{sku}».</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Position and role</source>
        <translation>Должность и роль</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Должность:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Роль:</translation>
    </message>
</context>
<context>
    <name>LinkField</name>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Search ({shortcut})</source>
        <translation>Поиск ({shortcut})</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>Only the first {count} matches are shown: type more to narrow them.</source>
        <translation>Показаны первые {count} совпадений: уточните запрос.</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Ничего не найдено.</translation>
    </message>
</context>
<context>
    <name>LossDialog</name>
    <message>
        <source>The deal is lost</source>
        <translation>Сделка проиграна</translation>
    </message>
    <message>
        <source>The deal «{title}» will be closed as lost. Only a supervisor can reopen it.</source>
        <translation>Сделка «{title}» будет завершена как проигранная. Возобновить её сможет только руководитель.</translation>
    </message>
    <message>
        <source>What happened, in a few words</source>
        <translation>Коротко: что произошло</translation>
    </message>
    <message>
        <source>Close as lost</source>
        <translation>Завершить как проигранную</translation>
    </message>
    <message>
        <source>Loss reason:</source>
        <translation>Причина проигрыша:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
</context>
<context>
    <name>MailTab</name>
    <message>
        <source>None (unencrypted)</source>
        <translation>Без шифрования</translation>
    </message>
    <message>
        <source>usually the whole address</source>
        <translation>обычно это весь адрес почты</translation>
    </message>
    <message>
        <source>leave empty to keep the saved password</source>
        <translation>оставьте пустым, чтобы не менять сохранённый пароль</translation>
    </message>
    <message>
        <source>Mail &amp;server:</source>
        <translation>Почтовый &amp;сервер:</translation>
    </message>
    <message>
        <source>S&amp;ecurity:</source>
        <translation>&amp;Защита:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>П&amp;орт:</translation>
    </message>
    <message>
        <source>Lo&amp;gin:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Па&amp;роль:</translation>
    </message>
    <message>
        <source>Sender add&amp;ress:</source>
        <translation>&amp;Адрес отправителя:</translation>
    </message>
    <message>
        <source>Sender &amp;name:</source>
        <translation>&amp;Имя отправителя:</translation>
    </message>
    <message>
        <source>Proposals are sent from this address through this server. These settings belong to this computer and are saved with the dialog's Save button; the password is kept in the system keyring, never in the settings file.</source>
        <translation>Коммерческие предложения отправляются с этого адреса через этот сервер. Настройки относятся к этому компьютеру и сохраняются кнопкой «Сохранить» окна настроек; пароль хранится в системном хранилище паролей, а не в файле настроек.</translation>
    </message>
    <message>
        <source>C&amp;heck connection</source>
        <translation>Про&amp;верить подключение</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>Connected to {server} and logged in as {login}.</source>
        <translation>Подключение к {server} установлено, вход выполнен под логином {login}.</translation>
    </message>
    <message>
        <source>Connected to {server}.</source>
        <translation>Подключение к {server} установлено.</translation>
    </message>
    <message>
        <source>Not connected: see the message above.</source>
        <translation>Подключиться не удалось: причина указана выше.</translation>
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
        <source>Saved: {title}</source>
        <translation>Записано: {title}</translation>
    </message>
    <message>
        <source>Restart the program to use the new settings.</source>
        <translation>Перезапустите программу, чтобы применить новые настройки.</translation>
    </message>
    <message>
        <source>New &amp;client</source>
        <translation>Новый &amp;клиент</translation>
    </message>
    <message>
        <source>Open the card of a new client</source>
        <translation>Открыть карточку нового клиента</translation>
    </message>
    <message>
        <source>New c&amp;ounterparty</source>
        <translation>Новый к&amp;онтрагент</translation>
    </message>
    <message>
        <source>New contact &amp;person</source>
        <translation>Новое контактное &amp;лицо</translation>
    </message>
    <message>
        <source>New &amp;deal</source>
        <translation>Новая &amp;сделка</translation>
    </message>
    <message>
        <source>Open the card of a new deal (of the client whose card is open)</source>
        <translation>Открыть карточку новой сделки (клиента, чья карточка открыта)</translation>
    </message>
    <message>
        <source>New prod&amp;uct</source>
        <translation>Новая &amp;номенклатура</translation>
    </message>
    <message>
        <source>Open the card of a new product or service of the catalogue</source>
        <translation>Открыть карточку нового товара или услуги номенклатуры</translation>
    </message>
    <message>
        <source>&amp;Register partner…</source>
        <translation>&amp;Регистрация партнёра…</translation>
    </message>
    <message>
        <source>The new partner registration wizard, with the duplicate check</source>
        <translation>Помощник регистрации нового партнёра с проверкой дублей</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Записать</translation>
    </message>
    <message>
        <source>Save the current card</source>
        <translation>Записать текущую карточку</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>&amp;Закрыть вкладку</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <source>Go to the search box of the list</source>
        <translation>Перейти к строке поиска списка</translation>
    </message>
    <message>
        <source>&amp;Next tab</source>
        <translation>&amp;Следующая вкладка</translation>
    </message>
    <message>
        <source>&amp;Previous tab</source>
        <translation>&amp;Предыдущая вкладка</translation>
    </message>
    <message>
        <source>Read the list again from the database</source>
        <translation>Заново прочитать список из базы данных</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>Register &amp;interaction…</source>
        <translation>Зарегистрировать &amp;взаимодействие…</translation>
    </message>
    <message>
        <source>Record a call, meeting or e-mail now, linked to the open card</source>
        <translation>Записать звонок, встречу или письмо, связав их с открытой карточкой</translation>
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
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
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
        <source>Main toolbar</source>
        <translation>Основная панель</translation>
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
    <name>ManagerComparisonPage</name>
    <message>
        <source>The figure the chart and the table show</source>
        <translation>Показатель для диаграммы и таблицы</translation>
    </message>
    <message>
        <source>Figure:</source>
        <translation>Показатель:</translation>
    </message>
    <message>
        <source>managers</source>
        <translation>менеджеры</translation>
    </message>
    <message>
        <source>Compared with {previous} and {year_ago}</source>
        <translation>Сравнение с {previous} и {year_ago}</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Менеджер</translation>
    </message>
    <message>
        <source>Period {period}</source>
        <translation>Период {period}</translation>
    </message>
    <message>
        <source>Previous {period}</source>
        <translation>Предыдущий {period}</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <source>A year ago {period}</source>
        <translation>Год назад {period}</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
</context>
<context>
    <name>ManagerReports</name>
    <message>
        <source>Deals won</source>
        <translation>Выиграно сделок</translation>
    </message>
    <message>
        <source>Amount won</source>
        <translation>Сумма выигранных сделок</translation>
    </message>
    <message>
        <source>Conversion to won</source>
        <translation>Конверсия в выигрыш</translation>
    </message>
    <message>
        <source>Interactions done</source>
        <translation>Проведено взаимодействий</translation>
    </message>
    <message>
        <source>Tasks overdue</source>
        <translation>Просрочено задач</translation>
    </message>
    <message>
        <source>Claims through their fault</source>
        <translation>Претензий по вине менеджера</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>телефон</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>эл. почта</translation>
    </message>
    <message>
        <source>industry</source>
        <translation>отрасль</translation>
    </message>
    <message>
        <source>source</source>
        <translation>источник</translation>
    </message>
    <message>
        <source>head-count</source>
        <translation>численность</translation>
    </message>
    <message>
        <source>responsible manager</source>
        <translation>ответственный менеджер</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>примечание</translation>
    </message>
    <message>
        <source>counterparty</source>
        <translation>контрагент</translation>
    </message>
    <message>
        <source>contact person</source>
        <translation>контактное лицо</translation>
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
    <name>NeedSection</name>
    <message>
        <source>What the client wants, for when, what matters</source>
        <translation>Что нужно клиенту, к какому сроку, что для него важно</translation>
    </message>
</context>
<context>
    <name>NeedsPage</name>
    <message>
        <source>Give what is missing; it is saved and the deal moves on when you finish.</source>
        <translation>Укажите недостающее: при завершении оно будет записано, и сделка перейдёт на следующий этап.</translation>
    </message>
</context>
<context>
    <name>OwnCompaniesTab</name>
    <message>
        <source>Short name:</source>
        <translation>Краткое наименование:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Полное наименование:</translation>
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
        <source>OGRN:</source>
        <translation>ОГРН:</translation>
    </message>
    <message>
        <source>Legal address:</source>
        <translation>Юридический адрес:</translation>
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
        <source>Bank:</source>
        <translation>Банк:</translation>
    </message>
    <message>
        <source>BIK:</source>
        <translation>БИК:</translation>
    </message>
    <message>
        <source>Settlement account:</source>
        <translation>Расчётный счёт:</translation>
    </message>
    <message>
        <source>Correspondent account:</source>
        <translation>Корр. счёт:</translation>
    </message>
    <message>
        <source>Director's position:</source>
        <translation>Должность руководителя:</translation>
    </message>
    <message>
        <source>Director:</source>
        <translation>Руководитель:</translation>
    </message>
    <message>
        <source>Our companies are kept in the database and shared by everyone in the office. Each company is saved at once with «Save company»; the dialog's Save and Cancel buttons do not apply to them.</source>
        <translation>Наши организации хранятся в базе данных и общие для всего офиса. Каждая организация сохраняется сразу кнопкой «Сохранить организацию»; кнопки «Сохранить» и «Отмена» окна настроек на них не действуют.</translation>
    </message>
    <message>
        <source>Only a supervisor can change our companies' requisites; you can look at them.</source>
        <translation>Реквизиты наших организаций может изменять только руководитель; вам они доступны для просмотра.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>Enter the requisites of another company of ours</source>
        <translation>Ввести реквизиты ещё одной нашей организации</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Банк</translation>
    </message>
    <message>
        <source>Signature on proposals</source>
        <translation>Подпись в предложениях</translation>
    </message>
    <message>
        <source>Save company</source>
        <translation>Сохранить организацию</translation>
    </message>
    <message>
        <source>Save this company's requisites in the database now</source>
        <translation>Сразу сохранить реквизиты этой организации в базе данных</translation>
    </message>
    <message>
        <source>Default for new proposals</source>
        <translation>Основная для новых предложений</translation>
    </message>
    <message>
        <source>New proposals are made out from this company unless another is chosen</source>
        <translation>Новые предложения оформляются от этой организации, если не выбрана другая</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Логотип</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>A PNG or JPEG picture up to 1 MB, printed at the top of proposals.</source>
        <translation>Картинка PNG или JPEG до 1 МБ; печатается в шапке коммерческих предложений.</translation>
    </message>
    <message>
        <source>{name} (default)</source>
        <translation>{name} (основная)</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Нет логотипа</translation>
    </message>
    <message>
        <source>Company logo</source>
        <translation>Логотип организации</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>Картинки (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Cannot read {path}: {detail}</source>
        <translation>Не удалось прочитать {path}: {detail}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <source>Delete «{name}»? Proposals already issued keep it as the seller; new ones can no longer use it.</source>
        <translation>Удалить «{name}»? В уже выписанных предложениях она останется продавцом, а в новых её выбрать будет нельзя.</translation>
    </message>
    <message>
        <source>Delete company</source>
        <translation>Удаление организации</translation>
    </message>
    <message>
        <source>New company</source>
        <translation>Новая организация</translation>
    </message>
    <message>
        <source>Our companies</source>
        <translation>Наши организации</translation>
    </message>
    <message>
        <source>Discard the unsaved changes to this company?</source>
        <translation>Отменить несохранённые изменения этой организации?</translation>
    </message>
    <message>
        <source>{user} changed this company at {at} while you had it open. Their version is shown now: make your changes again.</source>
        <translation>{user} изменил(а) эту организацию в {at}, пока она была открыта у вас. Сейчас показан сохранённый вариант: внесите свои изменения заново.</translation>
    </message>
    <message>
        <source>Someone else changed this company while you had it open. Their version is shown now: make your changes again.</source>
        <translation>Кто-то другой изменил эту организацию, пока она была открыта у вас. Сейчас показан новый вариант: внесите свои изменения заново.</translation>
    </message>
</context>
<context>
    <name>ParticipantDialog</name>
    <message>
        <source>Our employee in the deal</source>
        <translation>Наш сотрудник в сделке</translation>
    </message>
    <message>
        <source>The client's contact person in the deal</source>
        <translation>Контактное лицо клиента в сделке</translation>
    </message>
    <message>
        <source>A partner in the deal</source>
        <translation>Партнёр в сделке</translation>
    </message>
    <message>
        <source>Employee:</source>
        <translation>Сотрудник:</translation>
    </message>
    <message>
        <source>Contact person:</source>
        <translation>Контактное лицо:</translation>
    </message>
    <message>
        <source>The client has no other contact persons. Add them on the client's card (Contact persons tab).</source>
        <translation>У клиента нет других контактных лиц. Добавьте их в карточке клиента (вкладка «Контактные лица»).</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Роль:</translation>
    </message>
</context>
<context>
    <name>PartyPicker</name>
    <message>
        <source>Position:</source>
        <translation>Должность:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Роль:</translation>
    </message>
</context>
<context>
    <name>PartySearch</name>
    <message>
        <source>Name, INN, phone or e-mail</source>
        <translation>Наименование, ИНН, телефон или эл. почта</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Отрасль</translation>
    </message>
    <message>
        <source>INN</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
</context>
<context>
    <name>PathPage</name>
    <message>
        <source>Deal {number}: {title} — {client}</source>
        <translation>Сделка {number}: {title} — {client}</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
    <message>
        <source>Move to:</source>
        <translation>Перейти на этап:</translation>
    </message>
    <message>
        <source>Now: &lt;b&gt;{here}&lt;/b&gt;. Next: &lt;b&gt;{there}&lt;/b&gt;.</source>
        <translation>Сейчас: &lt;b&gt;{here}&lt;/b&gt;. Далее: &lt;b&gt;{there}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>The deal will skip these requirements (you will be asked to confirm; they are recorded in the stage history):</source>
        <translation>Сделка пропустит эти требования (потребуется подтверждение; пропуск записывается в историю этапов):</translation>
    </message>
    <message>
        <source>To leave «{stage}» the deal still needs:</source>
        <translation>Чтобы перейти с этапа «{stage}», по сделке ещё нужно:</translation>
    </message>
    <message>
        <source>The next page asks for it.</source>
        <translation>Это можно указать на следующей странице.</translation>
    </message>
    <message>
        <source>Everything the stage «{stage}» needs is there.</source>
        <translation>Всё, что нужно на этапе «{stage}», выполнено.</translation>
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
    <name>PlanEditor</name>
    <message>
        <source>Done today</source>
        <translation>Выполнено сегодня</translation>
    </message>
    <message>
        <source>Mark the chosen action done today</source>
        <translation>Отметить выбранное мероприятие выполненным сегодня</translation>
    </message>
</context>
<context>
    <name>PlanTimeline</name>
    <message>
        <source>The plan has no actions with a planned date yet.</source>
        <translation>В плане пока нет мероприятий с плановой датой.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>В работе</translation>
    </message>
</context>
<context>
    <name>ProductCard</name>
    <message>
        <source>Delete product…</source>
        <translation>Удалить номенклатуру…</translation>
    </message>
    <message>
        <source>Restore product</source>
        <translation>Восстановить номенклатуру</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Основное</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Цены</translation>
    </message>
    <message>
        <source>This product is deleted: it is not offered in new deals.</source>
        <translation>Номенклатура помечена на удаление: в новых сделках не предлагается.</translation>
    </message>
    <message>
        <source>holds</source>
        <translation>содержит</translation>
    </message>
    <message>
        <source>Optional: the pallet, box or roll it is kept in</source>
        <translation>Необязательно: паллета, коробка или рулон, в которых хранится товар</translation>
    </message>
    <message>
        <source>Archived: not offered in new deals and proposals</source>
        <translation>В архиве: не предлагается в новых сделках и коммерческих предложениях</translation>
    </message>
    <message>
        <source>SKU:</source>
        <translation>Артикул:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Наименование:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <source>VAT rate:</source>
        <translation>Ставка НДС:</translation>
    </message>
    <message>
        <source>Price unit:</source>
        <translation>Единица цены:</translation>
    </message>
    <message>
        <source>Sales unit:</source>
        <translation>Единица продажи:</translation>
    </message>
    <message>
        <source>Storage unit:</source>
        <translation>Единица хранения:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Set price</source>
        <translation>Установить цену</translation>
    </message>
    <message>
        <source>Saved at once; a price of the same type and date is replaced</source>
        <translation>Записывается сразу; цена того же вида на ту же дату заменяется</translation>
    </message>
    <message>
        <source>Price type</source>
        <translation>Вид цены</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Действует с</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Add or change a price</source>
        <translation>Установка цены</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Remove price…</source>
        <translation>Удалить цену…</translation>
    </message>
    <message>
        <source>The price valid today for each price type is in bold.</source>
        <translation>Жирным выделена цена каждого вида, действующая на сегодня.</translation>
    </message>
    <message>
        <source>The price is per 1 {price_unit}; deals sell whole {sales_unit}.</source>
        <translation>Цена указывается за 1 {price_unit}; в сделках продаётся целое число {sales_unit}.</translation>
    </message>
    <message>
        <source>Catalogue item</source>
        <translation>Номенклатура</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Новая номенклатура</translation>
    </message>
    <message>
        <source>Save the product first to add prices.</source>
        <translation>Чтобы установить цены, сначала запишите номенклатуру.</translation>
    </message>
    <message>
        <source>Price per {unit}</source>
        <translation>Цена за {unit}</translation>
    </message>
    <message>
        <source>₽ per {unit}</source>
        <translation>₽ за {unit}</translation>
    </message>
    <message>
        <source>Valid today</source>
        <translation>Действует сегодня</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Запланирована</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>Заменена более новой</translation>
    </message>
    <message>
        <source>Remove the price «{type}» valid from {date}?</source>
        <translation>Удалить цену «{type}», действующую с {date}?</translation>
    </message>
    <message>
        <source>Remove price</source>
        <translation>Удаление цены</translation>
    </message>
    <message>
        <source>Delete «{name}»? Deals and proposals that have it keep it; it can be restored.</source>
        <translation>Удалить «{name}»? В сделках и коммерческих предложениях, где она есть, номенклатура останется; её можно будет восстановить.</translation>
    </message>
    <message>
        <source>Delete product</source>
        <translation>Удаление номенклатуры</translation>
    </message>
</context>
<context>
    <name>ProductColumns</name>
    <message>
        <source>SKU</source>
        <translation>Артикул</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Sales unit</source>
        <translation>Единица продажи</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>НДС</translation>
    </message>
</context>
<context>
    <name>ProductFields</name>
    <message>
        <source>SKU</source>
        <translation>Артикул</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>VAT rate</source>
        <translation>Ставка НДС</translation>
    </message>
    <message>
        <source>Price unit</source>
        <translation>Единица цены</translation>
    </message>
    <message>
        <source>Sales unit</source>
        <translation>Единица продажи</translation>
    </message>
    <message>
        <source>Price units in a sales unit</source>
        <translation>Единиц цены в единице продажи</translation>
    </message>
    <message>
        <source>Storage unit</source>
        <translation>Единица хранения</translation>
    </message>
    <message>
        <source>Sales units in a storage unit</source>
        <translation>Единиц продажи в единице хранения</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>В архиве</translation>
    </message>
    <message>
        <source>Name for search</source>
        <translation>Наименование для поиска</translation>
    </message>
</context>
<context>
    <name>ProductListPage</name>
    <message>
        <source>Goods</source>
        <translation>Товары</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Услуги</translation>
    </message>
    <message>
        <source>Search by the SKU or the start of the name</source>
        <translation>Поиск по артикулу или началу наименования</translation>
    </message>
    <message>
        <source>Goods or services</source>
        <translation>Товары или услуги</translation>
    </message>
    <message>
        <source>Goods and services</source>
        <translation>Товары и услуги</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>Показывать архивные</translation>
    </message>
    <message>
        <source>Show deleted</source>
        <translation>Показывать удалённые</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Новая номенклатура</translation>
    </message>
    <message>
        <source>Open the card of a new product or service</source>
        <translation>Открыть карточку нового товара или услуги</translation>
    </message>
</context>
<context>
    <name>ProductValues</name>
    <message>
        <source>Product</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Услуга</translation>
    </message>
    <message>
        <source>Without VAT</source>
        <translation>Без НДС</translation>
    </message>
</context>
<context>
    <name>ProposalActions</name>
    <message>
        <source>Printing…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Preparing the document…</source>
        <translation>Формирование документа…</translation>
    </message>
</context>
<context>
    <name>ProposalDocuments</name>
    <message>
        <source>Commercial proposal No. {number} (version {version}) of {date}</source>
        <translation>Коммерческое предложение № {number} (версия {version}) от {date}</translation>
    </message>
    <message>
        <source>Commercial proposal No. {number} of {date}</source>
        <translation>Коммерческое предложение № {number} от {date}</translation>
    </message>
    <message>
        <source>Commercial proposal {number} version {version} of {date}</source>
        <translation>Коммерческое предложение {number} версия {version} от {date}</translation>
    </message>
    <message>
        <source>Commercial proposal {number} of {date}</source>
        <translation>Коммерческое предложение {number} от {date}</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} КБ</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} МБ</translation>
    </message>
    <message>
        <source>Save the proposal as PDF</source>
        <translation>Сохранить предложение в PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ProposalPreview</name>
    <message>
        <source>Print preview</source>
        <translation>Предварительный просмотр</translation>
    </message>
    <message>
        <source>Preparing the document…</source>
        <translation>Формирование документа…</translation>
    </message>
    <message>
        <source>Open settings…</source>
        <translation>Открыть настройки…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>По ширине</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>Страница целиком</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Сохранить в PDF…</translation>
    </message>
    <message>
        <source>Send by e-mail…</source>
        <translation>Отправить по почте…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Zoom:</source>
        <translation>Масштаб:</translation>
    </message>
    <message>
        <source>The document could not be prepared.</source>
        <translation>Не удалось сформировать документ.</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>Страница {page} из {count}</translation>
    </message>
    <message>
        <source>Sent.</source>
        <translation>Отправлено.</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Отправлено на принтер.</translation>
    </message>
</context>
<context>
    <name>ProposalPrinting</name>
    <message>
        <source>Print the proposal</source>
        <translation>Печать коммерческого предложения</translation>
    </message>
</context>
<context>
    <name>ProposalSection</name>
    <message>
        <source>Mark proposal No. {number} of {date} ({total}) as sent</source>
        <translation>Отметить предложение № {number} от {date} ({total}) как отправленное</translation>
    </message>
    <message>
        <source>Issue a proposal from the specification ({total}) and mark it sent</source>
        <translation>Сформировать предложение по спецификации ({total}) и отметить его отправленным</translation>
    </message>
    <message>
        <source>The client accepted proposal No. {number} of {date} ({total})</source>
        <translation>Клиент согласовал предложение № {number} от {date} ({total})</translation>
    </message>
    <message>
        <source>Issue a new proposal ({total}), sent to and accepted by the client</source>
        <translation>Сформировать новое предложение ({total}), отправленное и согласованное клиентом</translation>
    </message>
</context>
<context>
    <name>RegisterInteractionDialog</name>
    <message>
        <source>Register interaction</source>
        <translation>Зарегистрировать взаимодействие</translation>
    </message>
    <message>
        <source>Phone, e-mail or name</source>
        <translation>Телефон, e-mail или ФИО</translation>
    </message>
    <message>
        <source>What it is about</source>
        <translation>О чём</translation>
    </message>
    <message>
        <source>What was agreed</source>
        <translation>О чём договорились</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>Follow-up task</source>
        <translation>Следующая задача</translation>
    </message>
    <message>
        <source>Call back, send the proposal…</source>
        <translation>Перезвонить, отправить КП…</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Задача:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Срок:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Записать</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>Записать (Enter)</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <source>Who:</source>
        <translation>С кем:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Тема:</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Результат:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Примечание:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Длительность:</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <source>Not in the contacts: keep «{text}», link later</source>
        <translation>Нет в контактах: сохранить «{text}» и привязать позже</translation>
    </message>
    <message>
        <source>None of them: keep «{text}» as typed</source>
        <translation>Никто из них: сохранить «{text}» как введено</translation>
    </message>
    <message>
        <source>Client: {name}</source>
        <translation>Клиент: {name}</translation>
    </message>
    <message>
        <source>Write what is to be done.</source>
        <translation>Укажите, что нужно сделать.</translation>
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
        <source>Name:</source>
        <translation>Наименование:</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Last, first and middle name:</source>
        <translation>ФИО:</translation>
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
        <source>OGRN:</source>
        <translation>ОГРН:</translation>
    </message>
    <message>
        <source>OGRNIP:</source>
        <translation>ОГРНИП:</translation>
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
    <name>RejectDialog</name>
    <message>
        <source>Reject the lead</source>
        <translation>Отклонение лида</translation>
    </message>
    <message>
        <source>The lead «{title}» will be rejected. It can be reopened later if the person comes back.</source>
        <translation>Лид «{title}» будет отклонён. Если обратившийся вернётся, лид можно вернуть в работу.</translation>
    </message>
    <message>
        <source>— choose the reason —</source>
        <translation>— выберите причину —</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <source>Comment (required):</source>
        <translation>Комментарий (обязательно):</translation>
    </message>
    <message>
        <source>What happened, in a few words</source>
        <translation>Что произошло, в двух словах</translation>
    </message>
    <message>
        <source>Optional: what the person said</source>
        <translation>Необязательно: что сказал обратившийся</translation>
    </message>
</context>
<context>
    <name>RelationDialog</name>
    <message>
        <source>New relation</source>
        <translation>Новая связь</translation>
    </message>
    <message>
        <source>This client is:</source>
        <translation>Этот клиент —</translation>
    </message>
    <message>
        <source>This person is:</source>
        <translation>Это лицо —</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
    <message>
        <source>Of whom:</source>
        <translation>Для кого:</translation>
    </message>
</context>
<context>
    <name>ReminderController</name>
    <message>
        <source>Show reminders</source>
        <translation>Показать напоминания</translation>
    </message>
    <message>
        <source>Nothing is due.</source>
        <translation>Напоминаний нет.</translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) due</source>
        <translation>
            <numerusform>%n напоминание</numerusform>
            <numerusform>%n напоминания</numerusform>
            <numerusform>%n напоминаний</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderWindow</name>
    <message>
        <source>Reminders</source>
        <translation>Напоминания</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>Предмет</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Отложить</translation>
    </message>
    <message>
        <source>For 10 minutes</source>
        <translation>На 10 минут</translation>
    </message>
    <message>
        <source>For an hour</source>
        <translation>На час</translation>
    </message>
    <message>
        <source>Until tomorrow 9:00</source>
        <translation>До завтра 9:00</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s)</source>
        <translation>
            <numerusform>%n напоминание</numerusform>
            <numerusform>%n напоминания</numerusform>
            <numerusform>%n напоминаний</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n overdue</source>
        <translation>
            <numerusform>, %n просрочено</numerusform>
            <numerusform>, %n просрочено</numerusform>
            <numerusform>, %n просрочено</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is due.</source>
        <translation>Напоминаний нет.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Claim investigation</source>
        <translation>Расследование претензии</translation>
    </message>
</context>
<context>
    <name>ReopenClaimDialog</name>
    <message>
        <source>Reopen the claim</source>
        <translation>Возобновление претензии</translation>
    </message>
    <message>
        <source>The claim goes back to investigation. The comment becomes a new open action of its plan, assigned to the claim's responsible; the reopening is recorded in its history.</source>
        <translation>Претензия вернется на расследование. Комментарий станет новым открытым мероприятием плана, назначенным ответственному за претензию; возобновление будет записано в историю.</translation>
    </message>
    <message>
        <source>What is to be re-examined</source>
        <translation>Что нужно проверить повторно</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Вернуть в работу</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Reopen the deal</source>
        <translation>Возобновление сделки</translation>
    </message>
    <message>
        <source>The deal goes back to work at the stage it was closed at. The reopening is recorded in its stage history.</source>
        <translation>Сделка вернётся в работу на том этапе, на котором была завершена. Возобновление записывается в историю этапов.</translation>
    </message>
    <message>
        <source>Why the deal is reopened</source>
        <translation>Почему сделка возобновляется</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Возобновить</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Этот квартал</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Сформировать</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Export to CSV…</source>
        <translation>Выгрузить в CSV…</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Период с</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Останавливается…</translation>
    </message>
    <message>
        <source>Cancelled: the report was not built.</source>
        <translation>Отменено: отчет не сформирован.</translation>
    </message>
    <message>
        <source>Export the report to CSV</source>
        <translation>Выгрузка отчета в CSV</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>Не удалось записать {path}: {error}</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Sales funnel</source>
        <translation>Воронка продаж</translation>
    </message>
    <message>
        <source>Claims by month</source>
        <translation>Претензии по месяцам</translation>
    </message>
    <message>
        <source>Claim satisfaction</source>
        <translation>Удовлетворение претензий</translation>
    </message>
    <message>
        <source>Claims structure</source>
        <translation>Структура претензий</translation>
    </message>
    <message>
        <source>Managers</source>
        <translation>Менеджеры</translation>
    </message>
    <message>
        <source>Card completeness</source>
        <translation>Заполненность карточек</translation>
    </message>
    <message>
        <source>Lead sources</source>
        <translation>Источники лидов</translation>
    </message>
</context>
<context>
    <name>RequisitesPage</name>
    <message>
        <source>Requisites</source>
        <translation>Реквизиты</translation>
    </message>
    <message>
        <source>The legal entity invoices and contracts are made out to. You can add it later from the client's card.</source>
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
    <name>ResolveDialog</name>
    <message>
        <source>Resolve the claim</source>
        <translation>Решение по претензии</translation>
    </message>
    <message>
        <source>Claim {number} of {partner}: requested {amount}.</source>
        <translation>Претензия {number} от {partner}: требуется {amount}.</translation>
    </message>
    <message>
        <source>What was decided and why</source>
        <translation>Что решено и почему</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Решить</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Результат:</translation>
    </message>
    <message>
        <source>Granted amount:</source>
        <translation>Сумма возмещения:</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <source>Nothing here.</source>
        <translation>Ничего нет.</translation>
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
        <source>E-&amp;mail</source>
        <translation>Электронная по&amp;чта</translation>
    </message>
    <message>
        <source>Our comp&amp;anies</source>
        <translation>На&amp;ши организации</translation>
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
        <source>The &amp;system's language ({language})</source>
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
    <name>SettingsPage</name>
    <message>
        <source>The database (a file on this computer or the office server), the language, your name, and the mandatory fields of each client circle.</source>
        <translation>База данных (файл на этом компьютере или сервер офиса), язык, ваше имя и обязательные поля каждого круга клиентов.</translation>
    </message>
    <message>
        <source>Open settings…</source>
        <translation>Открыть настройки…</translation>
    </message>
</context>
<context>
    <name>SkipConfirm</name>
    <message>
        <source>Requirements not met</source>
        <translation>Требования не выполнены</translation>
    </message>
    <message>
        <source>The deal does not meet these requirements:</source>
        <translation>По сделке не выполнены требования:</translation>
    </message>
    <message>
        <source>Move it anyway? The skipped requirements are recorded in the deal's stage history.</source>
        <translation>Всё равно перевести сделку? Пропущенные требования будут записаны в историю этапов.</translation>
    </message>
</context>
<context>
    <name>StageHistory</name>
    <message>
        <source>Deal created</source>
        <translation>Сделка создана</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>возобновлена</translation>
    </message>
</context>
<context>
    <name>StageHistoryTable</name>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Переход</translation>
    </message>
    <message>
        <source>Skipped requirements</source>
        <translation>Пропущенные требования</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
</context>
<context>
    <name>StageWizard</name>
    <message>
        <source>Contact person of the client</source>
        <translation>Контактное лицо клиента</translation>
    </message>
    <message>
        <source>The client's need</source>
        <translation>Потребность клиента</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>Спецификация</translation>
    </message>
    <message>
        <source>Client's circle</source>
        <translation>Круг клиента</translation>
    </message>
    <message>
        <source>Sales agreement</source>
        <translation>Соглашение об условиях продаж</translation>
    </message>
    <message>
        <source>Commercial proposal</source>
        <translation>Коммерческое предложение</translation>
    </message>
    <message>
        <source>The client's answer to the proposal</source>
        <translation>Ответ клиента на предложение</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Контрагент</translation>
    </message>
    <message>
        <source>Contract or order</source>
        <translation>Договор или заказ</translation>
    </message>
    <message>
        <source>Deal stage — {number}</source>
        <translation>Этап сделки — {number}</translation>
    </message>
    <message>
        <source>Close the deal as won</source>
        <translation>Завершение сделки как выигранной</translation>
    </message>
    <message>
        <source>Move the deal to another stage</source>
        <translation>Переход сделки на другой этап</translation>
    </message>
    <message>
        <source>What the stage «{stage}» still needs</source>
        <translation>Что ещё нужно на этапе «{stage}»</translation>
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
    <name>TaskCard</name>
    <message>
        <source>Main</source>
        <translation>Основное</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Mark the task done (who and when are recorded)</source>
        <translation>Отметить задачу выполненной (фиксируется, кто и когда)</translation>
    </message>
    <message>
        <source>Cancel task</source>
        <translation>Отменить задачу</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Вернуть в работу</translation>
    </message>
    <message>
        <source>What to do: call back, send the proposal…</source>
        <translation>Что сделать: перезвонить, отправить КП…</translation>
    </message>
    <message>
        <source>A manager sets tasks only for himself; a supervisor can choose anyone.</source>
        <translation>Менеджер ставит задачи только себе; руководитель может назначить любого.</translation>
    </message>
    <message>
        <source>The client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>The contact person</source>
        <translation>Контактное лицо</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Задача:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Срок:</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>Важность:</translation>
    </message>
    <message>
        <source>Assignee:</source>
        <translation>Исполнитель:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Статус:</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>Автор:</translation>
    </message>
    <message>
        <source>Done:</source>
        <translation>Выполнена:</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Клиент:</translation>
    </message>
    <message>
        <source>Deal:</source>
        <translation>Сделка:</translation>
    </message>
    <message>
        <source>Contact person:</source>
        <translation>Контактное лицо:</translation>
    </message>
    <message>
        <source>Interaction:</source>
        <translation>Взаимодействие:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>{status}, overdue</source>
        <translation>{status}, просрочено</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(удалено)</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Новая задача</translation>
    </message>
    <message>
        <source>Cancel this task? It stays in the lists as cancelled.</source>
        <translation>Отменить эту задачу? Она останется в списках как отменённая.</translation>
    </message>
</context>
<context>
    <name>TaskColumns</name>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Важность</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Deal, contact</source>
        <translation>Сделка, контактное лицо</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>Выполнена</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
</context>
<context>
    <name>TaskListPage</name>
    <message>
        <source>Search by the beginning of the task</source>
        <translation>Поиск по началу названия задачи</translation>
    </message>
    <message>
        <source>All managers</source>
        <translation>Все менеджеры</translation>
    </message>
    <message>
        <source>Whose tasks</source>
        <translation>Чьи задачи</translation>
    </message>
    <message>
        <source>A manager sees his own tasks</source>
        <translation>Менеджер видит только свои задачи</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>Все клиенты</translation>
    </message>
    <message>
        <source>Only one client's tasks (click to choose)</source>
        <translation>Задачи только одного клиента (нажмите, чтобы выбрать)</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просроченные</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>На этой неделе</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Позже</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>Все в работе</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Выполненные</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Новая задача</translation>
    </message>
    <message>
        <source>Open the card of a new task</source>
        <translation>Открыть карточку новой задачи</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Mark the selected tasks done</source>
        <translation>Отметить выбранные задачи выполненными</translation>
    </message>
    <message>
        <source>Only this client</source>
        <translation>Только этот клиент</translation>
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
    <name>TasksTab</name>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Важность</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>New task…</source>
        <translation>Новая задача…</translation>
    </message>
</context>
<context>
    <name>TermsDialog</name>
    <message>
        <source>Terms of the proposal</source>
        <translation>Условия предложения</translation>
    </message>
    <message>
        <source>No company of ours is entered yet: add it in Settings → Our companies.</source>
        <translation>Ещё не введена ни одна наша организация: добавьте её в разделе «Настройки → Наши организации».</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Действительно до:</translation>
    </message>
    <message>
        <source>Our company:</source>
        <translation>Организация:</translation>
    </message>
    <message>
        <source>Counterparty:</source>
        <translation>Контрагент:</translation>
    </message>
    <message>
        <source>Payment terms:</source>
        <translation>Условия оплаты:</translation>
    </message>
    <message>
        <source>Delivery terms:</source>
        <translation>Условия поставки:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Примечание:</translation>
    </message>
    <message>
        <source>default</source>
        <translation>основная</translation>
    </message>
    <message>
        <source>no INN</source>
        <translation>без ИНН</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Refresh (F5)</source>
        <translation>Обновить (F5)</translation>
    </message>
    <message>
        <source>Overdue tasks</source>
        <translation>Просроченные задачи</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>Предмет</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Важность</translation>
    </message>
    <message>
        <source>Today's tasks</source>
        <translation>Задачи на сегодня</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>С кем</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Planned for today</source>
        <translation>Запланировано на сегодня</translation>
    </message>
    <message>
        <source>Planned earlier, not done</source>
        <translation>Запланировано ранее и не выполнено</translation>
    </message>
    <message>
        <source>Deals past their expected close date</source>
        <translation>Сделки с истёкшей плановой датой закрытия</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Плановое закрытие</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Сделка</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Overdue claim investigation actions</source>
        <translation>Просроченные мероприятия по претензиям</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>План. дата</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Мероприятие</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Претензия</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>Дней просрочки</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Mark the selected task done</source>
        <translation>Отметить выбранную задачу выполненной</translation>
    </message>
    <message>
        <source>Done today</source>
        <translation>Выполнено сегодня</translation>
    </message>
    <message>
        <source>Mark the selected action done today (write its result on the claim's card)</source>
        <translation>Отметить выбранное мероприятие выполненным сегодня (результат — в карточке претензии)</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Чтение…</translation>
    </message>
    <message>
        <source>Updated at {time}</source>
        <translation>Обновлено в {time}</translation>
    </message>
    <message>
        <source>Today, {date}</source>
        <translation>Сегодня, {date}</translation>
    </message>
</context>
<context>
    <name>UnsavedChanges</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>«{title}» has unsaved changes. Save them?</source>
        <translation>Данные «{title}» были изменены. Записать изменения?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Записать</translation>
    </message>
    <message>
        <source>Don't save</source>
        <translation>Не записывать</translation>
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
        <source>A sales unit holds a whole number of price units, at least one.</source>
        <translation>Единица продажи содержит целое число единиц цены, не меньше одной.</translation>
    </message>
    <message>
        <source>Choose the storage unit or clear its size.</source>
        <translation>Выберите единицу хранения или очистите её размер.</translation>
    </message>
    <message>
        <source>A storage unit holds a whole number of sales units, at least one.</source>
        <translation>Единица хранения содержит целое число единиц продажи, не меньше одной.</translation>
    </message>
    <message>
        <source>When the sales unit is the price unit, it holds exactly one.</source>
        <translation>Если единица продажи совпадает с единицей цены, она содержит ровно одну.</translation>
    </message>
    <message>
        <source>Another product already has this SKU.</source>
        <translation>Этот артикул уже есть у другой номенклатуры.</translation>
    </message>
    <message>
        <source>The claim is closed: its files can no longer be changed.</source>
        <translation>Претензия закрыта: её файлы больше нельзя изменить.</translation>
    </message>
    <message>
        <source>The file is too large: {size} MB; a file of at most {max} MB can be attached.</source>
        <translation>Файл слишком большой: {size} МБ; прикрепить можно файл размером не более {max} МБ.</translation>
    </message>
    <message>
        <source>The record was not found; it may have been deleted.</source>
        <translation>Запись не найдена: возможно, она была удалена.</translation>
    </message>
    <message>
        <source>The stored file is damaged: its checksum does not match. Attach it again.</source>
        <translation>Сохранённый файл повреждён: контрольная сумма не совпадает. Прикрепите его заново.</translation>
    </message>
    <message>
        <source>The number is too large.</source>
        <translation>Слишком большое число.</translation>
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
        <source>This field is required.</source>
        <translation>Поле обязательно для заполнения.</translation>
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
        <source>A legal entity's INN has 10 digits.</source>
        <translation>ИНН юридического лица состоит из 10 цифр.</translation>
    </message>
    <message>
        <source>A legal entity's OGRN has 13 digits.</source>
        <translation>ОГРН юридического лица состоит из 13 цифр.</translation>
    </message>
    <message>
        <source>A legal entity with an INN needs a KPP.</source>
        <translation>Для юридического лица с ИНН укажите КПП.</translation>
    </message>
    <message>
        <source>An individual's INN has 12 digits.</source>
        <translation>ИНН физического лица состоит из 12 цифр.</translation>
    </message>
    <message>
        <source>A KPP goes with an organisation's INN: enter the INN too.</source>
        <translation>КПП указывается вместе с ИНН организации: введите и ИНН.</translation>
    </message>
    <message>
        <source>Only a legal entity has a KPP.</source>
        <translation>КПП бывает только у юридического лица.</translation>
    </message>
    <message>
        <source>The lead has already been converted; work with its client from now on.</source>
        <translation>Лид уже преобразован в клиента: дальше работайте с карточкой клиента.</translation>
    </message>
    <message>
        <source>The lead is rejected. Reopen it to work with it again.</source>
        <translation>Лид отклонён. Чтобы снова работать с ним, верните его в работу.</translation>
    </message>
    <message>
        <source>Choose the reason for rejecting the lead: a lead is not rejected without one.</source>
        <translation>Выберите причину отказа: без причины лид отклонить нельзя.</translation>
    </message>
    <message>
        <source>With the reason «{reason}», say in a few words what happened.</source>
        <translation>При причине «{reason}» коротко опишите, что произошло.</translation>
    </message>
    <message>
        <source>Only a rejected lead can be reopened.</source>
        <translation>Вернуть в работу можно только отклонённый лид.</translation>
    </message>
    <message>
        <source>A converted lead is part of its client's history: keep it.</source>
        <translation>Преобразованный лид входит в историю клиента, его нельзя удалить.</translation>
    </message>
    <message>
        <source>A client with this INN is already registered: {client}. Convert the lead to that client, or confirm that a new client is needed.</source>
        <translation>Клиент с таким ИНН уже зарегистрирован: {client}. Преобразуйте лид в этого клиента или подтвердите, что нужен новый клиент.</translation>
    </message>
    <message>
        <source>An individual entrepreneur's OGRNIP has 15 digits.</source>
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
        <source>A 13-digit OGRN belongs to an organisation: enter the organisation's 10-digit INN as well.</source>
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
        <source>The account number does not match the bank's BIK {bik}: check both for typos.</source>
        <translation>Номер счёта не соответствует БИК банка {bik}: проверьте оба номера на опечатки.</translation>
    </message>
    <message>
        <source>The correspondent account must have 20 digits and start with 301.</source>
        <translation>Корреспондентский счёт должен состоять из 20 цифр и начинаться с 301.</translation>
    </message>
    <message>
        <source>The correspondent account does not match the bank's BIK {bik}: check both for typos.</source>
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
        <source>Enter the person's name to register a private person.</source>
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
        <source>Spaces, «/» and «@» are not allowed here.</source>
        <translation>Пробелы, «/» и «@» здесь недопустимы.</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation>Порт должен быть от 1 до 65535.</translation>
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
        <source>Add at least one line to the deal's specification.</source>
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
        <source>Choose a counterparty of the deal's client.</source>
        <translation>Выберите контрагента клиента этой сделки.</translation>
    </message>
    <message>
        <source>Choose an active agreement: a typical one or the client's own.</source>
        <translation>Выберите действующее соглашение: типовое или индивидуальное для этого клиента.</translation>
    </message>
    <message>
        <source>The claim is closed and cannot be changed. Only a supervisor can reopen it.</source>
        <translation>Претензия закрыта, изменить её нельзя. Открыть её снова может только руководитель.</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>Сумма не может быть отрицательной.</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>Слишком большая сумма.</translation>
    </message>
    <message>
        <source>Enter the date of the claim.</source>
        <translation>Укажите дату претензии.</translation>
    </message>
    <message>
        <source>The claim date cannot be in the future.</source>
        <translation>Дата претензии не может быть в будущем.</translation>
    </message>
    <message>
        <source>Choose the client (partner) the claim comes from.</source>
        <translation>Выберите клиента (партнёра), от которого поступила претензия.</translation>
    </message>
    <message>
        <source>Choose a counterparty of the claim's client (partner).</source>
        <translation>Выберите контрагента клиента (партнёра) по претензии.</translation>
    </message>
    <message>
        <source>Choose a deal of the claim's client (partner).</source>
        <translation>Выберите сделку клиента (партнёра) по претензии.</translation>
    </message>
    <message>
        <source>Choose who is responsible for the action.</source>
        <translation>Выберите ответственного за мероприятие.</translation>
    </message>
    <message>
        <source>Enter the planned date of the action.</source>
        <translation>Укажите плановую дату мероприятия.</translation>
    </message>
    <message>
        <source>The done date cannot be in the future.</source>
        <translation>Дата выполнения не может быть в будущем.</translation>
    </message>
    <message>
        <source>The requested amount cannot be less than the granted amount ({granted}).</source>
        <translation>Заявленная сумма не может быть меньше суммы возмещения ({granted}).</translation>
    </message>
    <message>
        <source>The claim is resolved: its reason cannot be left empty.</source>
        <translation>Претензия решена: причину нельзя оставить пустой.</translation>
    </message>
    <message>
        <source>The claim is resolved: return it to investigation to change its plan.</source>
        <translation>Претензия урегулирована: чтобы изменить план, верните её на расследование.</translation>
    </message>
    <message>
        <source>A claim under investigation needs at least one plan action.</source>
        <translation>В плане расследования претензии должно быть хотя бы одно мероприятие.</translation>
    </message>
    <message>
        <source>Add at least one action to the investigation plan before starting the investigation.</source>
        <translation>Прежде чем начать расследование, добавьте в план хотя бы одно мероприятие.</translation>
    </message>
    <message>
        <source>Choose the result of the claim: satisfied, partly satisfied or rejected.</source>
        <translation>Укажите результат: удовлетворена, удовлетворена частично или отклонена.</translation>
    </message>
    <message>
        <source>Enter the granted amount.</source>
        <translation>Укажите сумму возмещения.</translation>
    </message>
    <message>
        <source>A rejected claim grants nothing: leave the amount at zero.</source>
        <translation>По отклонённой претензии возмещения нет: оставьте сумму нулевой.</translation>
    </message>
    <message>
        <source>Start the investigation before resolving the claim.</source>
        <translation>Прежде чем урегулировать претензию, начните расследование.</translation>
    </message>
    <message>
        <source>The investigation plan still has open actions: {actions}. Mark them done before resolving the claim.</source>
        <translation>В плане расследования есть невыполненные мероприятия: {actions}. Отметьте их выполненными, прежде чем урегулировать претензию.</translation>
    </message>
    <message>
        <source>Choose the reason of the claim before resolving it.</source>
        <translation>Прежде чем урегулировать претензию, укажите её причину.</translation>
    </message>
    <message>
        <source>The granted amount cannot exceed the requested amount ({requested}).</source>
        <translation>Сумма возмещения не может превышать заявленную ({requested}).</translation>
    </message>
    <message>
        <source>Only a resolved claim can be closed.</source>
        <translation>Закрыть можно только урегулированную претензию.</translation>
    </message>
    <message>
        <source>Only a supervisor can reopen a closed claim.</source>
        <translation>Открыть закрытую претензию снова может только руководитель.</translation>
    </message>
    <message>
        <source>Say why the claim is reopened.</source>
        <translation>Укажите, почему претензия открывается снова.</translation>
    </message>
    <message>
        <source>Only a closed claim can be reopened.</source>
        <translation>Открыть снова можно только закрытую претензию.</translation>
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
        <source>Products are sold in whole sales units.</source>
        <translation>Номенклатура продаётся только целыми единицами продажи.</translation>
    </message>
    <message>
        <source>The discount must be between 0 and 100 %.</source>
        <translation>Скидка должна быть от 0 до 100 %.</translation>
    </message>
    <message>
        <source>Choose a contact person of the deal's client.</source>
        <translation>Выберите контактное лицо клиента этой сделки.</translation>
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
        <source>The proposal cannot expire before it is issued.</source>
        <translation>Срок действия предложения не может закончиться раньше даты предложения.</translation>
    </message>
    <message>
        <source>A newer version of this proposal exists: work with version {latest}.</source>
        <translation>Есть более новая версия этого предложения: работайте с версией {latest}.</translation>
    </message>
    <message>
        <source>A proposal goes draft → sent → accepted or rejected.</source>
        <translation>Коммерческое предложение проходит статусы: черновик → отправлено → согласовано или отклонено.</translation>
    </message>
    <message>
        <source>Only a draft can be changed: make a new version of a sent proposal.</source>
        <translation>Изменить можно только черновик: для отправленного предложения создайте новую версию.</translation>
    </message>
    <message>
        <source>Proposal {number} has no version {version}.</source>
        <translation>У коммерческого предложения {number} нет версии {version}.</translation>
    </message>
    <message>
        <source>There is no proposal numbered {number}.</source>
        <translation>Нет коммерческого предложения с номером {number}.</translation>
    </message>
    <message>
        <source>Enter your company's requisites (Settings → Our companies) and choose the company in the proposal.</source>
        <translation>Заполните реквизиты вашей организации (Настройки → Наши организации) и выберите организацию в предложении.</translation>
    </message>
    <message>
        <source>The period ends before it begins.</source>
        <translation>Конец периода раньше его начала.</translation>
    </message>
    <message>
        <source>Enter the INN.</source>
        <translation>Введите ИНН.</translation>
    </message>
    <message>
        <source>An organisation has a KPP: enter it.</source>
        <translation>У организации есть КПП: введите его.</translation>
    </message>
    <message>
        <source>Enter the bank's BIK.</source>
        <translation>Введите БИК банка.</translation>
    </message>
    <message>
        <source>The logo must be smaller than 1 MB.</source>
        <translation>Логотип должен быть меньше 1 МБ.</translation>
    </message>
    <message>
        <source>The logo must be a PNG or JPEG picture.</source>
        <translation>Логотип должен быть картинкой PNG или JPEG.</translation>
    </message>
    <message>
        <source>Only a supervisor can change our companies' requisites.</source>
        <translation>Изменять реквизиты наших организаций может только руководитель.</translation>
    </message>
    <message>
        <source>No OS keyring is available to keep the mail password ({detail}). Start a desktop session with a Secret Service (GNOME Keyring, KWallet).</source>
        <translation>Нет доступного хранилища паролей ОС для пароля почты ({detail}). Запустите сеанс рабочего стола со службой Secret Service (GNOME Keyring, KWallet).</translation>
    </message>
    <message>
        <source>Set up the mail server and the sender's address in Settings → E-mail first.</source>
        <translation>Сначала укажите почтовый сервер и адрес отправителя в разделе Настройки → Почта.</translation>
    </message>
    <message>
        <source>The mail server does not take addresses with non-Latin letters before the @ ({address}). Ask for another address.</source>
        <translation>Почтовый сервер не принимает адреса с нелатинскими буквами до знака @ ({address}). Попросите другой адрес.</translation>
    </message>
    <message>
        <source>The mail server refused the login or password ({detail}). Check them in Settings → E-mail.</source>
        <translation>Почтовый сервер не принял логин или пароль ({detail}). Проверьте их в разделе Настройки → Почта.</translation>
    </message>
    <message>
        <source>The mail server does not support the chosen security or login ({detail}). Check the port and security in Settings → E-mail.</source>
        <translation>Почтовый сервер не поддерживает выбранную защиту или вход ({detail}). Проверьте порт и защиту в разделе Настройки → Почта.</translation>
    </message>
    <message>
        <source>The mail server refused the recipient's address {address}.</source>
        <translation>Почтовый сервер не принял адрес получателя {address}.</translation>
    </message>
    <message>
        <source>The mail server closed the connection ({detail}). Check the port and security in Settings → E-mail: port 465 is usually SSL/TLS, port 587 STARTTLS.</source>
        <translation>Почтовый сервер разорвал соединение ({detail}). Проверьте порт и защиту в разделе Настройки → Электронная почта: для порта 465 обычно нужен SSL/TLS, для порта 587 — STARTTLS.</translation>
    </message>
    <message>
        <source>The mail server's certificate is not trusted ({detail}). Check the server's name in Settings → E-mail.</source>
        <translation>Сертификат почтового сервера не вызывает доверия ({detail}). Проверьте имя сервера в разделе Настройки → Электронная почта.</translation>
    </message>
    <message>
        <source>No secure connection with the mail server ({detail}). Check the port and security in Settings → E-mail: port 465 is usually SSL/TLS, port 587 STARTTLS.</source>
        <translation>Не удалось установить защищённое соединение с почтовым сервером ({detail}). Проверьте порт и защиту в разделе Настройки → Электронная почта: для порта 465 обычно нужен SSL/TLS, для порта 587 — STARTTLS.</translation>
    </message>
    <message>
        <source>The mail server did not take the message: {detail}</source>
        <translation>Почтовый сервер не принял письмо: {detail}</translation>
    </message>
    <message>
        <source>Cannot reach the mail server {host}:{port} ({detail}). Check the address and the network.</source>
        <translation>Нет связи с почтовым сервером {host}:{port} ({detail}). Проверьте адрес и сеть.</translation>
    </message>
    <message>
        <source>The message was sent, but it could not be recorded on the deal. Do not send it again: record the e-mail on the deal by hand.</source>
        <translation>Письмо отправлено, но записать его в сделку не удалось. Не отправляйте его повторно: внесите письмо в сделку вручную.</translation>
    </message>
    <message>
        <source>This proposal belongs to another deal.</source>
        <translation>Это коммерческое предложение относится к другой сделке.</translation>
    </message>
    <message>
        <source>This deal belongs to another client.</source>
        <translation>Эта сделка относится к другому клиенту.</translation>
    </message>
    <message>
        <source>This claim belongs to another client.</source>
        <translation>Эта претензия относится к другому клиенту.</translation>
    </message>
    <message>
        <source>This user no longer works here.</source>
        <translation>Этот пользователь больше не работает.</translation>
    </message>
    <message>
        <source>Choose the kind of interaction.</source>
        <translation>Выберите вид взаимодействия.</translation>
    </message>
    <message>
        <source>Choose a status from the list.</source>
        <translation>Выберите состояние из списка.</translation>
    </message>
    <message>
        <source>Choose whether it was incoming or outgoing.</source>
        <translation>Укажите, входящее это или исходящее.</translation>
    </message>
    <message>
        <source>Choose incoming or outgoing.</source>
        <translation>Выберите: входящее или исходящее.</translation>
    </message>
    <message>
        <source>Only a call or an e-mail has a direction.</source>
        <translation>Направление бывает только у звонка или письма.</translation>
    </message>
    <message>
        <source>A planned interaction is planned or postponed; to record what happened, choose whether it was a meeting, a call or an e-mail.</source>
        <translation>Запланированное взаимодействие может быть только запланировано или отложено; чтобы записать, что произошло, выберите, была ли это встреча, звонок или письмо.</translation>
    </message>
    <message>
        <source>Set when the planned interaction is to take place.</source>
        <translation>Укажите, когда должно состояться запланированное взаимодействие.</translation>
    </message>
    <message>
        <source>The duration must be from 0 to {max} minutes (a week).</source>
        <translation>Длительность должна быть от 0 до {max} минут (неделя).</translation>
    </message>
    <message>
        <source>A manager sets tasks only for himself; ask a supervisor to set a task for someone else.</source>
        <translation>Менеджер ставит дела только себе; чтобы поставить дело другому сотруднику, обратитесь к руководителю.</translation>
    </message>
    <message>
        <source>This is someone else's task: only its assignee, its author or a supervisor can change it.</source>
        <translation>Это чужое дело: изменить его может только исполнитель, автор или руководитель.</translation>
    </message>
    <message>
        <source>Choose a priority from the list.</source>
        <translation>Выберите приоритет из списка.</translation>
    </message>
    <message>
        <source>This task is already closed; reopen it to change its state.</source>
        <translation>Это дело уже закрыто; чтобы изменить его состояние, сначала откройте его снова.</translation>
    </message>
    <message>
        <source>Choose a time in the future.</source>
        <translation>Выберите время в будущем.</translation>
    </message>
    <message>
        <source>This is someone else's interaction: only the responsible user or a supervisor can change it.</source>
        <translation>Это чужое взаимодействие: изменить его может только ответственный или руководитель.</translation>
    </message>
    <message>
        <source>Only a planned or postponed interaction can be snoozed.</source>
        <translation>Отложить напоминание можно только для запланированного или отложенного взаимодействия.</translation>
    </message>
    <message>
        <source>Cannot write the file {path}: {detail}</source>
        <translation>Не удалось записать файл {path}: {detail}</translation>
    </message>
    <message>
        <source>The document could not be read for printing.</source>
        <translation>Не удалось прочитать документ для печати.</translation>
    </message>
    <message>
        <source>The printer did not start the job: check that it is on and try again.</source>
        <translation>Принтер не начал печать: проверьте, что он включён, и повторите.</translation>
    </message>
    <message>
        <source>Enter a date as dd.mm.yyyy.</source>
        <translation>Введите дату в виде дд.мм.гггг.</translation>
    </message>
</context>
<context>
    <name>_ActivityTab</name>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Показать ещё</translation>
    </message>
    <message>
        <source>Save the card first.</source>
        <translation>Сначала запишите карточку.</translation>
    </message>
</context>
</TS>