<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Governor's Console</source>
            <translation>Ynghylch Consol y Llywodraethwr</translation>
        </message>
        <message>
            <source>Governor's Console %1</source>
            <translation>Consol y Llywodraethwr %1</translation>
        </message>
        <message>
            <source>An encrypted register of staff suspected of corruption, the measures against each threat, referrals, and signed briefings for headquarters. It works without a network.</source>
            <translation>Cofrestr wedi’i hamgryptio o staff yr amheuir eu bod yn llwgr, y mesurau yn erbyn pob bygythiad, atgyfeiriadau, a briffiau wedi’u llofnodi ar gyfer y pencadlys. Mae’n gweithio heb rwydwaith.</translation>
        </message>
        <message>
            <source>Qt %1 · Python %2 · %3</source>
            <translation>Qt %1 · Python %2 · %3</translation>
        </message>
        <message>
            <source>Vault: %1</source>
            <translation>Claddgell: %1</translation>
        </message>
        <message>
            <source>Settings (layout and preferences only): %1</source>
            <translation>Gosodiadau (cynllun a dewisiadau yn unig): %1</translation>
        </message>
        <message>
            <source>Error log (no record data): %1</source>
            <translation>Log gwallau (dim data cofnodion): %1</translation>
        </message>
        <message>
            <source>Where files are kept</source>
            <translation>Ble y cedwir ffeiliau</translation>
        </message>
        <message>
            <source>Software used and its licences</source>
            <translation>Meddalwedd a ddefnyddir a’i thrwyddedau</translation>
        </message>
        <message>
            <source>Component</source>
            <translation>Cydran</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Fersiwn</translation>
        </message>
        <message>
            <source>Licence</source>
            <translation>Trwydded</translation>
        </message>
        <message>
            <source>Qt and Qt for Python are used under the GNU LGPL version 3 and may be replaced by compatible builds; the full licence texts are in the licences folder beside the program.</source>
            <translation>Defnyddir Qt a Qt for Python o dan GNU LGPL fersiwn 3 a gellir rhoi fersiynau cydnaws yn eu lle; mae testunau llawn y trwyddedau yn y ffolder licences wrth ymyl y rhaglen.</translation>
        </message>
    </context>
    <context>
        <name>AccessPackDialog</name>
        <message>
            <source>Subject access request</source>
            <translation>Cais mynediad gwrthrych</translation>
        </message>
        <message>
            <source>Member of staff</source>
            <translation>Aelod o staff</translation>
        </message>
        <message>
            <source>Date the request was received</source>
            <translation>Dyddiad derbyn y cais</translation>
        </message>
        <message>
            <source>Items in the pack</source>
            <translation>Eitemau yn y pecyn</translation>
        </message>
        <message>
            <source>What the item says</source>
            <translation>Beth mae’r eitem yn ei ddweud</translation>
        </message>
        <message>
            <source>&amp;Withhold…</source>
            <translation>&amp;Cadw’n ôl…</translation>
        </message>
        <message>
            <source>Re&amp;lease…</source>
            <translation>&amp;Rhyddhau…</translation>
        </message>
        <message>
            <source>Preview of the access pack</source>
            <translation>Rhagolwg o’r pecyn mynediad</translation>
        </message>
        <message>
            <source>Save the pack to</source>
            <translation>Cadw’r pecyn yn</translation>
        </message>
        <message>
            <source>You choose where when you sign</source>
            <translation>Byddwch yn dewis ble wrth lofnodi</translation>
        </message>
        <message>
            <source>B&amp;rowse…</source>
            <translation>&amp;Pori…</translation>
        </message>
        <message>
            <source>&amp;Preview</source>
            <translation>&amp;Rhagolwg</translation>
        </message>
        <message>
            <source>&amp;Sign and save</source>
            <translation>&amp;Llofnodi a chadw</translation>
        </message>
        <message>
            <source>Open &amp;folder</source>
            <translation>Agor y &amp;ffolder</translation>
        </message>
        <message>
            <source>Only the governor can change what is withheld.</source>
            <translation>Dim ond y llywodraethwr all newid yr hyn a gedwir yn ôl.</translation>
        </message>
        <message>
            <source>&amp;Member of staff:</source>
            <translation>&amp;Aelod o staff:</translation>
        </message>
        <message>
            <source>Request &amp;received:</source>
            <translation>&amp;Derbyniwyd y cais:</translation>
        </message>
        <message>
            <source>&amp;Items</source>
            <translation>&amp;Eitemau</translation>
        </message>
        <message>
            <source>P&amp;review</source>
            <translation>Rh&amp;agolwg</translation>
        </message>
        <message>
            <source>&amp;Save to:</source>
            <translation>&amp;Cadw i:</translation>
        </message>
        <message>
            <source>The day the request arrived; the answer is due within one month.</source>
            <translation>Y diwrnod y cyrhaeddodd y cais; mae’r ateb yn ddyledus o fewn mis.</translation>
        </message>
        <message>
            <source>There is no record to answer a request about.</source>
            <translation>Nid oes cofnod i ateb cais amdano.</translation>
        </message>
        <message>
            <source>Reading the record…</source>
            <translation>Wrthi’n darllen y cofnod…</translation>
        </message>
        <message numerus="yes">
            <source>%n item(s) will be given in full</source>
            <translation>
                <numerusform>Rhoddir %n eitem yn llawn</numerusform>
                <numerusform>Rhoddir %n eitem yn llawn</numerusform>
                <numerusform>Rhoddir %n eitem yn llawn</numerusform>
                <numerusform>Rhoddir %n eitem yn llawn</numerusform>
                <numerusform>Rhoddir %n eitem yn llawn</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n withheld, each with its reason.</source>
            <translation>
                <numerusform>%n wedi’u cadw’n ôl, pob un gyda’i reswm.</numerusform>
                <numerusform>%n wedi’u cadw’n ôl, pob un gyda’i reswm.</numerusform>
                <numerusform>%n wedi’u cadw’n ôl, pob un gyda’i reswm.</numerusform>
                <numerusform>%n wedi’u cadw’n ôl, pob un gyda’i reswm.</numerusform>
                <numerusform>%n wedi’u cadw’n ôl, pob un gyda’i reswm.</numerusform>
            </translation>
        </message>
        <message>
            <source>Source-identifying details and handling-code C reports are withheld by default.</source>
            <translation>Cedwir yn ôl yn ddiofyn fanylion sy’n datgelu ffynhonnell ac adroddiadau â chod trin C.</translation>
        </message>
        <message>
            <source>Preview the pack first: only what you have read is signed.</source>
            <translation>Edrychwch ar ragolwg o’r pecyn yn gyntaf: dim ond yr hyn rydych wedi’i ddarllen a lofnodir.</translation>
        </message>
        <message>
            <source>Save the access pack as</source>
            <translation>Cadw’r pecyn mynediad fel</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>Dogfennau PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Save the pack as a .pdf file.</source>
            <translation>Cadwch y pecyn fel ffeil .pdf.</translation>
        </message>
        <message>
            <source>The record could not be read for the pack.</source>
            <translation>Nid oedd modd darllen y cofnod ar gyfer y pecyn.</translation>
        </message>
    </context>
    <context>
        <name>AddUserDialog</name>
        <message>
            <source>Sign-in name</source>
            <translation>Enw mewngofnodi</translation>
        </message>
        <message>
            <source>e.g. jsmith</source>
            <translation>e.e. jsmith</translation>
        </message>
        <message>
            <source>Display name</source>
            <translation>Enw i’w ddangos</translation>
        </message>
        <message>
            <source>e.g. Jo Smith, Head of Security</source>
            <translation>e.e. Jo Smith, Pennaeth Diogelwch</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rôl</translation>
        </message>
        <message>
            <source>Deputies record measures and logs; viewers can only read.</source>
            <translation>Mae dirprwyon yn cofnodi mesurau a chofnodion; dim ond darllen y gall gwylwyr.</translation>
        </message>
        <message>
            <source>Staff number (optional)</source>
            <translation>Rhif staff (dewisol)</translation>
        </message>
        <message>
            <source> Give it to them in person; they should change it when they first sign in.</source>
            <translation> Rhowch ef iddynt wyneb yn wyneb; dylent ei newid pan fyddant yn mewngofnodi gyntaf.</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>Demo vault (fictional data): every user's passphrase is “%1”.</source>
            <translation>Claddgell arddangos (data ffuglennol): cyfrinymadrodd pob defnyddiwr yw “%1”.</translation>
        </message>
        <message>
            <source>Sorry, the console had to stop.</source>
            <translation>Mae’n ddrwg gennym, bu’n rhaid i’r consol stopio.</translation>
        </message>
    </context>
    <context>
        <name>AssessDialog</name>
        <message>
            <source>Threat assessment</source>
            <translation>Asesiad bygythiad</translation>
        </message>
        <message>
            <source>&amp;Likelihood</source>
            <translation>&amp;Tebygolrwydd</translation>
        </message>
        <message>
            <source>&amp;Impact</source>
            <translation>&amp;Effaith</translation>
        </message>
        <message>
            <source>&amp;Residual likelihood</source>
            <translation>Tebygolrwydd &amp;gweddilliol</translation>
        </message>
        <message>
            <source>Residual i&amp;mpact</source>
            <translation>Effaith we&amp;ddilliol</translation>
        </message>
    </context>
    <context>
        <name>AssessmentTab</name>
        <message>
            <source>&amp;Reassess…</source>
            <translation>&amp;Ailasesu…</translation>
        </message>
        <message>
            <source>Change threat assessment</source>
            <translation>Newid yr asesiad bygythiad</translation>
        </message>
        <message>
            <source>● inherent risk   ○ residual risk (with measures in force)
Likelihood runs up, impact along the bottom.</source>
            <translation>● risg gynhenid   ○ risg weddilliol (gyda mesurau mewn grym)
Mae tebygolrwydd yn codi i fyny, effaith ar hyd y gwaelod.</translation>
        </message>
        <message>
            <source>likelihood %1 × impact %2 = %3 (%4)</source>
            <translation>tebygolrwydd %1 × effaith %2 = %3 (%4)</translation>
        </message>
        <message>
            <source>Inherent:</source>
            <translation>Cynhenid:</translation>
        </message>
        <message>
            <source>Residual:</source>
            <translation>Gweddilliol:</translation>
        </message>
    </context>
    <context>
        <name>AttentionModel</name>
        <message>
            <source>Since</source>
            <translation>Ers</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Cyfeirnod</translation>
        </message>
        <message>
            <source>Outstanding</source>
            <translation>Heb ei wneud</translation>
        </message>
    </context>
    <context>
        <name>AutoLock</name>
        <message>
            <source>after a period without use</source>
            <translation>ar ôl cyfnod heb ei ddefnyddio</translation>
        </message>
        <message>
            <source>when the screen was locked or the console hidden</source>
            <translation>pan gafodd y sgrin ei chloi neu’r consol ei guddio</translation>
        </message>
        <message>
            <source>when the window was minimised</source>
            <translation>pan gafodd y ffenestr ei lleihau</translation>
        </message>
    </context>
    <context>
        <name>BackupDialog</name>
        <message>
            <source>Back up the vault to</source>
            <translation>Gwneud copi wrth gefn o’r gladdgell i</translation>
        </message>
        <message>
            <source>Restore from a backup</source>
            <translation>Adfer o gopi wrth gefn</translation>
        </message>
        <message>
            <source>Delete backup</source>
            <translation>Dileu’r copi wrth gefn</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>Copïau wrth gefn</translation>
        </message>
        <message>
            <source>Automatic backups kept beside the vault (made before an upgrade or a key change, and once a day on close). Each is encrypted with the vault's key.</source>
            <translation>Copïau wrth gefn awtomatig a gedwir wrth ymyl y gladdgell (a wneir cyn uwchraddio neu newid allwedd, ac unwaith y dydd wrth gau). Mae pob un wedi’i amgryptio ag allwedd y gladdgell.</translation>
        </message>
        <message>
            <source>Automatic backups</source>
            <translation>Copïau wrth gefn awtomatig</translation>
        </message>
        <message>
            <source>&amp;Delete…</source>
            <translation>&amp;Dileu…</translation>
        </message>
        <message>
            <source>&amp;Back up now…</source>
            <translation>Gwneud &amp;copi wrth gefn nawr…</translation>
        </message>
        <message>
            <source>&amp;Restore…</source>
            <translation>&amp;Adfer…</translation>
        </message>
    </context>
    <context>
        <name>BriefingPage</name>
        <message>
            <source>Briefing preview</source>
            <translation>Rhagolwg o’r briff</translation>
        </message>
        <message>
            <source>Save to</source>
            <translation>Cadw i</translation>
        </message>
        <message>
            <source>You choose where when you sign</source>
            <translation>Byddwch yn dewis ble wrth lofnodi</translation>
        </message>
        <message>
            <source>B&amp;rowse…</source>
            <translation>&amp;Pori…</translation>
        </message>
        <message>
            <source>Choose where to save</source>
            <translation>Dewis ble i gadw</translation>
        </message>
        <message>
            <source>&amp;Save to:</source>
            <translation>&amp;Cadw i:</translation>
        </message>
        <message numerus="yes">
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n tudalen</numerusform>
                <numerusform>%n tudalen</numerusform>
                <numerusform>%n tudalen</numerusform>
                <numerusform>%n tudalen</numerusform>
                <numerusform>%n tudalen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n subject(s)</source>
            <translation>
                <numerusform>%n gwrthrych</numerusform>
                <numerusform>%n gwrthrych</numerusform>
                <numerusform>%n gwrthrych</numerusform>
                <numerusform>%n gwrthrych</numerusform>
                <numerusform>%n gwrthrych</numerusform>
            </translation>
        </message>
        <message>
            <source>&lt;b&gt;Signed&lt;/b&gt; by %1 and saved to &lt;b&gt;%2&lt;/b&gt;.</source>
            <translation>&lt;b&gt;Llofnodwyd&lt;/b&gt; gan %1 a’i gadw yn &lt;b&gt;%2&lt;/b&gt;.</translation>
        </message>
        <message>
            <source>Certificate fingerprint (SHA-256): %1</source>
            <translation>Ôl bys y dystysgrif (SHA-256): %1</translation>
        </message>
        <message>
            <source>Reference %1 · %2 · %3</source>
            <translation>Cyfeirnod %1 · %2 · %3</translation>
        </message>
        <message>
            <source>File SHA-256: %1</source>
            <translation>SHA-256 y ffeil: %1</translation>
        </message>
    </context>
    <context>
        <name>ChainBanner</name>
        <message>
            <source>Audit chain problem</source>
            <translation>Problem gyda’r gadwyn archwilio</translation>
        </message>
        <message>
            <source>Backups…</source>
            <translation>Copïau wrth gefn…</translation>
        </message>
    </context>
    <context>
        <name>ChangeRoleDialog</name>
        <message>
            <source>Everything: manages users and settings, signs briefings, records referrals, decides status, erasure and conflict bars.</source>
            <translation>Popeth: yn rheoli defnyddwyr a gosodiadau, yn llofnodi briffiau, yn cofnodi atgyfeiriadau, yn penderfynu ar statws, dileu a gwaharddiadau gwrthdaro.</translation>
        </message>
        <message>
            <source>Adds subjects, reports, measures and log entries and reads reports' full text; cannot sign briefings or manage users.</source>
            <translation>Yn ychwanegu gwrthrychau, adroddiadau, mesurau a chofnodion log ac yn darllen testun llawn adroddiadau; ni all lofnodi briffiau na rheoli defnyddwyr.</translation>
        </message>
        <message>
            <source>Reads the register only; changes nothing and never sees reports' full text.</source>
            <translation>Yn darllen y gofrestr yn unig; nid yw’n newid dim ac nid yw byth yn gweld testun llawn adroddiadau.</translation>
        </message>
        <message>
            <source>Change role</source>
            <translation>Newid rôl</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Defnyddiwr</translation>
        </message>
        <message>
            <source>%1 (you)</source>
            <translation>%1 (chi)</translation>
        </message>
        <message>
            <source>New role</source>
            <translation>Rôl newydd</translation>
        </message>
        <message>
            <source>What the role may do</source>
            <translation>Beth y caiff y rôl ei wneud</translation>
        </message>
        <message>
            <source>&amp;User:</source>
            <translation>&amp;Defnyddiwr:</translation>
        </message>
        <message>
            <source>&amp;New role:</source>
            <translation>Rôl &amp;newydd:</translation>
        </message>
        <message>
            <source>C&amp;hange role…</source>
            <translation>N&amp;ewid rôl…</translation>
        </message>
        <message>
            <source>Choose a user.</source>
            <translation>Dewiswch ddefnyddiwr.</translation>
        </message>
        <message>
            <source>%1 is already a %2; choose another role.</source>
            <translation>Mae %1 eisoes yn %2; dewiswch rôl arall.</translation>
        </message>
        <message>
            <source>Change %1 from %2 to %3?

As a %3: %4

What they may see and do follows the new role from now on, and the change is signed into the audit chain.</source>
            <translation>Newid %1 o %2 i %3?

Fel %3: %4

O hyn ymlaen mae’r hyn y caiff ei weld a’i wneud yn dilyn y rôl newydd, ac mae’r newid wedi’i lofnodi yn y gadwyn archwilio.</translation>
        </message>
        <message>
            <source>Confirm the change of role</source>
            <translation>Cadarnhau’r newid rôl</translation>
        </message>
        <message>
            <source>&amp;Change role</source>
            <translation>&amp;Newid rôl</translation>
        </message>
    </context>
    <context>
        <name>ChoicePage</name>
        <message>
            <source>Welcome to Governor's Console</source>
            <translation>Croeso i Gonsol y Llywodraethwr</translation>
        </message>
        <message>
            <source>The register is kept in an encrypted vault on this computer.</source>
            <translation>Cedwir y gofrestr mewn claddgell wedi’i hamgryptio ar y cyfrifiadur hwn.</translation>
        </message>
        <message>
            <source>&amp;Create a new vault for my establishment</source>
            <translation>&amp;Creu claddgell newydd ar gyfer fy sefydliad</translation>
        </message>
        <message>
            <source>Open the &amp;demo vault (fictional data, to look around)</source>
            <translation>Agor y gladdgell &amp;arddangos (data ffuglennol, i gael golwg)</translation>
        </message>
        <message>
            <source>The demo vault is not part of this installation.</source>
            <translation>Nid yw’r gladdgell arddangos yn rhan o’r gosodiad hwn.</translation>
        </message>
    </context>
    <context>
        <name>ColumnChooser</name>
        <message>
            <source>Move column &amp;left</source>
            <translation>Symud y golofn i’r &amp;chwith</translation>
        </message>
        <message>
            <source>Move column &amp;right</source>
            <translation>Symud y golofn i’r &amp;dde</translation>
        </message>
        <message>
            <source>&amp;Reset columns</source>
            <translation>&amp;Ailosod y colofnau</translation>
        </message>
    </context>
    <context>
        <name>ConfirmErasure</name>
        <message>
            <source>Type the reference to confirm</source>
            <translation>Teipiwch y cyfeirnod i gadarnhau</translation>
        </message>
        <message>
            <source>&amp;Erase for good</source>
            <translation>&amp;Dileu am byth</translation>
        </message>
    </context>
    <context>
        <name>ConflictBars</name>
        <message>
            <source>Record</source>
            <translation>Cofnod</translation>
        </message>
        <message>
            <source>User barred</source>
            <translation>Defnyddiwr wedi’i wahardd</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Cyflwr</translation>
        </message>
        <message>
            <source>Lifted after review</source>
            <translation>Codwyd ar ôl adolygiad</translation>
        </message>
        <message>
            <source>Barred</source>
            <translation>Wedi’i wahardd</translation>
        </message>
    </context>
    <context>
        <name>ConflictBarsDialog</name>
        <message>
            <source>Conflict bars</source>
            <translation>Gwaharddiadau gwrthdaro</translation>
        </message>
        <message>
            <source>A user whose staff number a subject carries is barred from that record. Lift a bar only after checking the match, for instance with HR.</source>
            <translation>Mae defnyddiwr y mae gwrthrych yn dwyn ei rif staff wedi’i wahardd o’r cofnod hwnnw. Codwch waharddiad dim ond ar ôl gwirio’r cyfatebiaeth, er enghraifft gydag AD.</translation>
        </message>
        <message>
            <source>How many bars are in force</source>
            <translation>Faint o waharddiadau sydd mewn grym</translation>
        </message>
        <message>
            <source>Conflict-of-interest bars</source>
            <translation>Gwaharddiadau gwrthdaro buddiannau</translation>
        </message>
        <message>
            <source>Nobody is barred: no subject carries the staff number of a user of the console.</source>
            <translation>Does neb wedi’i wahardd: nid yw unrhyw wrthrych yn dwyn rhif staff un o ddefnyddwyr y consol.</translation>
        </message>
        <message>
            <source>No conflict bars</source>
            <translation>Dim gwaharddiadau gwrthdaro</translation>
        </message>
        <message>
            <source>&amp;Lift bar…</source>
            <translation>&amp;Codi gwaharddiad…</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Canlyniad</translation>
        </message>
        <message numerus="yes">
            <source>%n bar(s) in force</source>
            <translation>
                <numerusform>%n gwaharddiad mewn grym</numerusform>
                <numerusform>%n gwaharddiad mewn grym</numerusform>
                <numerusform>%n gwaharddiad mewn grym</numerusform>
                <numerusform>%n gwaharddiad mewn grym</numerusform>
                <numerusform>%n gwaharddiad mewn grym</numerusform>
            </translation>
        </message>
        <message>
            <source>This bar was lifted already.</source>
            <translation>Codwyd y gwaharddiad hwn eisoes.</translation>
        </message>
        <message>
            <source>Choose a bar in the list.</source>
            <translation>Dewiswch waharddiad yn y rhestr.</translation>
        </message>
        <message>
            <source>Lift this bar after review, with a reason kept in the audit chain</source>
            <translation>Codi’r gwaharddiad hwn ar ôl adolygiad, gyda rheswm a gedwir yn y gadwyn archwilio</translation>
        </message>
        <message>
            <source>The bar on %1 for %2 is lifted; the reason is kept in the audit chain.</source>
            <translation>Codwyd y gwaharddiad ar %1 ar gyfer %2; cedwir y rheswm yn y gadwyn archwilio.</translation>
        </message>
    </context>
    <context>
        <name>CountsModel</name>
        <message>
            <source>Subjects</source>
            <translation>Gwrthrychau</translation>
        </message>
    </context>
    <context>
        <name>DashboardWidget</name>
        <message>
            <source> overdue</source>
            <translation> yn hwyr</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Dangosfwrdd</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statws</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Categori</translation>
        </message>
        <message>
            <source>Subjects by status</source>
            <translation>Gwrthrychau yn ôl statws</translation>
        </message>
        <message>
            <source>Subjects by category</source>
            <translation>Gwrthrychau yn ôl categori</translation>
        </message>
        <message>
            <source>Reports not referred in time</source>
            <translation>Adroddiadau heb eu hatgyfeirio mewn pryd</translation>
        </message>
        <message>
            <source>Every report has been referred in time.</source>
            <translation>Mae pob adroddiad wedi’i atgyfeirio mewn pryd.</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Derbyniwyd</translation>
        </message>
        <message>
            <source>Referrals not acknowledged</source>
            <translation>Atgyfeiriadau heb eu cydnabod</translation>
        </message>
        <message>
            <source>Every referral has been acknowledged in time.</source>
            <translation>Mae pob atgyfeiriad wedi’i gydnabod mewn pryd.</translation>
        </message>
        <message>
            <source>Referred</source>
            <translation>Atgyfeiriwyd</translation>
        </message>
        <message>
            <source>Overdue reviews</source>
            <translation>Adolygiadau hwyr</translation>
        </message>
        <message>
            <source>No review is overdue.</source>
            <translation>Nid oes adolygiad yn hwyr.</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>Yn ddyledus</translation>
        </message>
        <message>
            <source>Open cases by risk</source>
            <translation>Achosion agored yn ôl risg</translation>
        </message>
        <message>
            <source>Score = likelihood × impact: green 1–4, amber 5–12, red 15–25.</source>
            <translation>Sgôr = tebygolrwydd × effaith: gwyrdd 1–4, ambr 5–12, coch 15–25.</translation>
        </message>
        <message>
            <source>By status</source>
            <translation>Yn ôl statws</translation>
        </message>
        <message>
            <source>By category</source>
            <translation>Yn ôl categori</translation>
        </message>
        <message numerus="yes">
            <source>%n subject(s) on the register</source>
            <translation>
                <numerusform>%n gwrthrych ar y gofrestr</numerusform>
                <numerusform>%n gwrthrych ar y gofrestr</numerusform>
                <numerusform>%n gwrthrych ar y gofrestr</numerusform>
                <numerusform>%n gwrthrych ar y gofrestr</numerusform>
                <numerusform>%n gwrthrych ar y gofrestr</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n open</source>
            <translation>
                <numerusform>%n ar agor</numerusform>
                <numerusform>%n ar agor</numerusform>
                <numerusform>%n ar agor</numerusform>
                <numerusform>%n ar agor</numerusform>
                <numerusform>%n ar agor</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n [needs|need] attention</source>
            <translation>
                <numerusform>mae angen sylw ar %n</numerusform>
                <numerusform>mae angen sylw ar %n</numerusform>
                <numerusform>mae angen sylw ar %n</numerusform>
                <numerusform>mae angen sylw ar %n</numerusform>
                <numerusform>mae angen sylw ar %n</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DateField</name>
        <message>
            <source>Not set</source>
            <translation>Heb ei osod</translation>
        </message>
        <message>
            <source>Set %1</source>
            <translation>Gosod %1</translation>
        </message>
        <message>
            <source>Tick to set a date; untick to leave it unset.</source>
            <translation>Ticiwch i osod dyddiad; dad-diciwch i’w adael heb ei osod.</translation>
        </message>
        <message>
            <source>This day has already passed, so it will show as overdue at once.</source>
            <translation>Mae’r diwrnod hwn wedi mynd heibio eisoes, felly bydd yn dangos yn hwyr ar unwaith.</translation>
        </message>
    </context>
    <context>
        <name>DeleteDialog</name>
        <message>
            <source>Delete subject</source>
            <translation>Dileu gwrthrych</translation>
        </message>
        <message>
            <source>Delete %1</source>
            <translation>Dileu %1</translation>
        </message>
        <message>
            <source>Delete %1 and all of its reports, referrals and measures? This cannot be undone; the audit chain keeps a record that it was deleted.</source>
            <translation>Dileu %1 a’i holl adroddiadau, atgyfeiriadau a mesurau? Ni ellir dadwneud hyn; mae’r gadwyn archwilio’n cadw cofnod iddo gael ei ddileu.</translation>
        </message>
        <message>
            <source>Reason for deleting</source>
            <translation>Rheswm dros ddileu</translation>
        </message>
        <message>
            <source>&amp;Reason</source>
            <translation>&amp;Rheswm</translation>
        </message>
        <message>
            <source>Give the reason for deleting.</source>
            <translation>Rhowch y rheswm dros ddileu.</translation>
        </message>
    </context>
    <context>
        <name>DemoNote</name>
        <message>
            <source>Demo vault ready</source>
            <translation>Mae’r gladdgell arddangos yn barod</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Enw</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rôl</translation>
        </message>
        <message>
            <source>Signs in as</source>
            <translation>Yn mewngofnodi fel</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Cyfrinymadrodd</translation>
        </message>
        <message>
            <source>The demo vault (HMP Ashdown, fictional) is open as its governor. Each person signs in as themselves, with the passphrase below:</source>
            <translation>Mae’r gladdgell arddangos (CEM Ashdown, ffuglennol) ar agor fel ei llywodraethwr. Mae pob person yn mewngofnodi fel ei hun, gyda’r cyfrinymadrodd isod:</translation>
        </message>
        <message>
            <source>Lock (Ctrl+L) and sign in as a deputy to try the deputies' path, or as the viewer to see what a viewer may not do.</source>
            <translation>Cloi (Ctrl+L) a mewngofnodi fel dirprwy i roi cynnig ar lwybr y dirprwyon, neu fel y gwyliwr i weld beth na all gwyliwr ei wneud.</translation>
        </message>
    </context>
    <context>
        <name>DetailsPage</name>
        <message>
            <source>Your establishment</source>
            <translation>Eich sefydliad</translation>
        </message>
        <message>
            <source>These appear on briefings and in your signing certificate.</source>
            <translation>Mae’r rhain yn ymddangos ar friffiau ac yn eich tystysgrif llofnodi.</translation>
        </message>
        <message>
            <source>Establishment</source>
            <translation>Sefydliad</translation>
        </message>
        <message>
            <source>Governor's name</source>
            <translation>Enw’r llywodraethwr</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Enw defnyddiwr</translation>
        </message>
        <message>
            <source>Letters, digits, dots, dashes or underscores; used to sign in.</source>
            <translation>Llythrennau, digidau, dotiau, llinellau toriad neu danlinellau; fe’i defnyddir i fewngofnodi.</translation>
        </message>
        <message>
            <source>&amp;Establishment</source>
            <translation>&amp;Sefydliad</translation>
        </message>
        <message>
            <source>&amp;Governor's name</source>
            <translation>Enw’r &amp;llywodraethwr</translation>
        </message>
        <message>
            <source>&amp;User name</source>
            <translation>&amp;Enw defnyddiwr</translation>
        </message>
    </context>
    <context>
        <name>Edits</name>
        <message>
            <source>Subject added to the register.</source>
            <translation>Ychwanegwyd y gwrthrych at y gofrestr.</translation>
        </message>
        <message>
            <source>Undo profile edit</source>
            <translation>Dadwneud golygu’r proffil</translation>
        </message>
    </context>
    <context>
        <name>ErrorPresenter</name>
        <message>
            <source>Governor's Console</source>
            <translation>Consol y Llywodraethwr</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>Something went wrong; nothing was saved.</source>
            <translation>Aeth rhywbeth o’i le; ni chadwyd dim.</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export briefing</source>
            <translation>Allforio briff</translation>
        </message>
        <message>
            <source>‹ &amp;Back</source>
            <translation>‹ &amp;Yn ôl</translation>
        </message>
        <message>
            <source>Open &amp;folder</source>
            <translation>Agor y &amp;ffolder</translation>
        </message>
        <message>
            <source>&amp;Preview</source>
            <translation>&amp;Rhagolwg</translation>
        </message>
        <message>
            <source>&amp;Sign and save</source>
            <translation>&amp;Llofnodi a chadw</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Cau</translation>
        </message>
        <message>
            <source>The password must be at least 8 characters long.</source>
            <translation>Rhaid i’r cyfrinair fod o leiaf 8 nod o hyd.</translation>
        </message>
        <message>
            <source>The two passwords do not match.</source>
            <translation>Nid yw’r ddau gyfrinair yn cyfateb.</translation>
        </message>
        <message>
            <source>The briefing must be saved as a .pdf file.</source>
            <translation>Rhaid cadw’r briff fel ffeil .pdf.</translation>
        </message>
        <message>
            <source>The folder to save in does not exist; choose another.</source>
            <translation>Nid yw’r ffolder i gadw ynddi’n bodoli; dewiswch un arall.</translation>
        </message>
        <message>
            <source>A file of that name already exists; press Sign and save again to replace it.</source>
            <translation>Mae ffeil â’r enw hwnnw’n bodoli eisoes; pwyswch Llofnodi a chadw eto i roi un newydd yn ei lle.</translation>
        </message>
        <message>
            <source>Save briefing as</source>
            <translation>Cadw’r briff fel</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>Dogfennau PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Preparing the preview…</source>
            <translation>Wrthi’n paratoi’r rhagolwg…</translation>
        </message>
        <message>
            <source>Preview, not signed: %1 and %2. Nothing has been numbered, signed or recorded yet.</source>
            <translation>Rhagolwg, heb ei lofnodi: %1 a %2. Nid oes dim wedi’i rifo, ei lofnodi na’i gofnodi eto.</translation>
        </message>
        <message numerus="yes">
            <source>%n subject(s)</source>
            <translation>
                <numerusform>%n gwrthrych</numerusform>
                <numerusform>%n gwrthrych</numerusform>
                <numerusform>%n gwrthrych</numerusform>
                <numerusform>%n gwrthrych</numerusform>
                <numerusform>%n gwrthrych</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n tudalen</numerusform>
                <numerusform>%n tudalen</numerusform>
                <numerusform>%n tudalen</numerusform>
                <numerusform>%n tudalen</numerusform>
                <numerusform>%n tudalen</numerusform>
            </translation>
        </message>
        <message>
            <source>Signed briefing saved to %1.</source>
            <translation>Cadwyd y briff wedi’i lofnodi yn %1.</translation>
        </message>
        <message>
            <source>Signing and saving the briefing…</source>
            <translation>Wrthi’n llofnodi a chadw’r briff…</translation>
        </message>
        <message>
            <source>Signed and saved.</source>
            <translation>Wedi’i lofnodi a’i gadw.</translation>
        </message>
        <message>
            <source>Cancelled; nothing was signed or saved.</source>
            <translation>Canslwyd; ni lofnodwyd na chadwyd dim.</translation>
        </message>
    </context>
    <context>
        <name>Flags</name>
        <message numerus="yes">
            <source>%n unreferred</source>
            <translation>
                <numerusform>%n heb atgyfeirio</numerusform>
                <numerusform>%n heb atgyfeirio</numerusform>
                <numerusform>%n heb atgyfeirio</numerusform>
                <numerusform>%n heb atgyfeirio</numerusform>
                <numerusform>%n heb atgyfeirio</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n unacknowledged</source>
            <translation>
                <numerusform>%n heb gydnabod</numerusform>
                <numerusform>%n heb gydnabod</numerusform>
                <numerusform>%n heb gydnabod</numerusform>
                <numerusform>%n heb gydnabod</numerusform>
                <numerusform>%n heb gydnabod</numerusform>
            </translation>
        </message>
        <message>
            <source>review overdue</source>
            <translation>adolygiad yn hwyr</translation>
        </message>
        <message numerus="yes">
            <source>%n measure review(s) overdue</source>
            <translation>
                <numerusform>%n adolygiad mesur yn hwyr</numerusform>
                <numerusform>%n adolygiad mesur yn hwyr</numerusform>
                <numerusform>%n adolygiad mesur yn hwyr</numerusform>
                <numerusform>%n adolygiad mesur yn hwyr</numerusform>
                <numerusform>%n adolygiad mesur yn hwyr</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FormDialog</name>
        <message>
            <source>Save</source>
            <translation>Cadw</translation>
        </message>
        <message>
            <source>Problem with this form</source>
            <translation>Problem gyda’r ffurflen hon</translation>
        </message>
        <message>
            <source>Add entry</source>
            <translation>Ychwanegu cofnod</translation>
        </message>
    </context>
    <context>
        <name>GuideDialog</name>
        <message>
            <source>User guide</source>
            <translation>Canllaw defnyddwyr</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Governor's Console: user guide&lt;/h2&gt;&lt;p&gt;&lt;a href='#everyone'&gt;Everyone&lt;/a&gt; · &lt;a href='#governors'&gt;Governors&lt;/a&gt; · &lt;a href='#deputies'&gt;Deputies&lt;/a&gt; · &lt;a href='#viewers'&gt;Viewers&lt;/a&gt;&lt;/p&gt;</source>
            <translation>&lt;h2&gt;Consol y Llywodraethwr: canllaw defnyddwyr&lt;/h2&gt;&lt;p&gt;&lt;a href='#everyone'&gt;Pawb&lt;/a&gt; · &lt;a href='#governors'&gt;Llywodraethwyr&lt;/a&gt; · &lt;a href='#deputies'&gt;Dirprwyon&lt;/a&gt; · &lt;a href='#viewers'&gt;Gwylwyr&lt;/a&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;&lt;a name='everyone'&gt;&lt;/a&gt;Everyone&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Sign in&lt;/b&gt; as yourself: choose your name, type your passphrase and press Enter. Nobody shares a passphrase.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Lock&lt;/b&gt; with Ctrl+L when you leave the desk; the console also locks itself when idle. Anything you were typing comes back when you unlock.&lt;/li&gt;&lt;li&gt;&lt;b&gt;The register&lt;/b&gt; lists every subject with its risk and what needs attention. Type in the search box to filter; press Down to move into the list. Right-click a column heading to choose, move or reset the columns; the console remembers your choice.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Opening a record&lt;/b&gt; is recorded in the journal with a reason, asked once per session. Change it with Subject › Reason for opening (Ctrl+R).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Your passphrase&lt;/b&gt;: Tools › Change my passphrase. Choose a few unrelated words; the meter shows how hard it is to guess.&lt;/li&gt;&lt;li&gt;A command you may not use stays visible but greyed; rest the pointer on it to see why.&lt;/li&gt;&lt;/ul&gt;</source>
            <translation>&lt;h3&gt;&lt;a name='everyone'&gt;&lt;/a&gt;Pawb&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Mewngofnodwch&lt;/b&gt; fel chi eich hun: dewiswch eich enw, teipiwch eich cyfrinymadrodd a phwyso Enter. Nid oes neb yn rhannu cyfrinymadrodd.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Cloi&lt;/b&gt; gyda Ctrl+L pan fyddwch yn gadael y ddesg; mae’r consol hefyd yn cloi ei hun pan fydd yn segur. Daw unrhyw beth roeddech yn ei deipio yn ôl pan fyddwch yn datgloi.&lt;/li&gt;&lt;li&gt;Mae &lt;b&gt;’r gofrestr&lt;/b&gt; yn rhestru pob gwrthrych gyda’i risg a’r hyn sydd angen sylw. Teipiwch yn y blwch chwilio i hidlo; pwyswch Down i symud i mewn i’r rhestr. De-gliciwch bennawd colofn i ddewis, symud neu ailosod y colofnau; mae’r consol yn cofio eich dewis.&lt;/li&gt;&lt;li&gt;Cofnodir &lt;b&gt;agor cofnod&lt;/b&gt; yn y dyddlyfr gyda rheswm, a ofynnir unwaith bob sesiwn. Newidiwch ef gyda Gwrthrych › Rheswm dros agor (Ctrl+R).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Eich cyfrinymadrodd&lt;/b&gt;: Offer › Newid fy nghyfrinymadrodd. Dewiswch ychydig o eiriau digyswllt; mae’r mesurydd yn dangos pa mor anodd yw ei ddyfalu.&lt;/li&gt;&lt;li&gt;Mae gorchymyn na chewch ei ddefnyddio yn aros yn weladwy ond yn llwyd; gorffwyswch y pwyntydd arno i weld pam.&lt;/li&gt;&lt;/ul&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;&lt;a name='governors'&gt;&lt;/a&gt;Governors&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Add a subject&lt;/b&gt; with File › New subject (Ctrl+N); the cursor starts in the name. Dates are picked from a calendar; a review date already past is pointed out before you save.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Reports&lt;/b&gt; are graded 3x5x2. A report not referred within the deadline is flagged in red until it is referred.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Brief headquarters&lt;/b&gt; with File › Export briefing (Ctrl+E): choose the subjects, press Preview and read the briefing before anything is signed. Only Sign and save numbers it, signs it with your certificate and counts it as the last briefing.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Deputies and viewers&lt;/b&gt; are added and removed in Tools › Users. HQ pins your certificate once: Tools › Users › Export my certificate.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Records&lt;/b&gt; holds the retention review queue, the consultation journal, subject access requests and need-to-know restrictions.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Backups&lt;/b&gt;: File › Backups keeps encrypted copies and restores one after checking it.&lt;/li&gt;&lt;/ul&gt;</source>
            <translation>&lt;h3&gt;&lt;a name='governors'&gt;&lt;/a&gt;Llywodraethwyr&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Ychwanegwch wrthrych&lt;/b&gt; gyda Ffeil › Gwrthrych newydd (Ctrl+N); mae’r cyrchwr yn dechrau yn yr enw. Dewisir dyddiadau o galendr; nodir dyddiad adolygu sydd wedi mynd heibio cyn i chi gadw.&lt;/li&gt;&lt;li&gt;Graddir &lt;b&gt;adroddiadau&lt;/b&gt; yn 3x5x2. Caiff adroddiad nas atgyfeiriwyd o fewn y terfyn ei nodi mewn coch nes iddo gael ei atgyfeirio.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Briffio’r pencadlys&lt;/b&gt; gyda Ffeil › Allforio briff (Ctrl+E): dewiswch y gwrthrychau, pwyswch Rhagolwg a darllen y briff cyn llofnodi dim. Dim ond Llofnodi a chadw sy’n ei rifo, ei lofnodi â’ch tystysgrif a’i gyfrif fel y briff diwethaf.&lt;/li&gt;&lt;li&gt;Ychwanegir a thynnir &lt;b&gt;dirprwyon a gwylwyr&lt;/b&gt; yn Offer › Defnyddwyr. Mae’r pencadlys yn pinio eich tystysgrif unwaith: Offer › Defnyddwyr › Allforio fy nhystysgrif.&lt;/li&gt;&lt;li&gt;Mae &lt;b&gt;Cofnodion&lt;/b&gt; yn dal y ciw adolygu cadw, y dyddlyfr ymgynghori, ceisiadau mynediad gwrthrych a chyfyngiadau angen gwybod.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Copïau wrth gefn&lt;/b&gt;: mae Ffeil › Copïau wrth gefn yn cadw copïau wedi’u hamgryptio ac yn adfer un ar ôl ei wirio.&lt;/li&gt;&lt;/ul&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;&lt;a name='deputies'&gt;&lt;/a&gt;Deputies&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Measures&lt;/b&gt;: choose the subject, then Subject › Add measure (Ctrl+Shift+M), or Update measure on the Measures tab.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Log entries&lt;/b&gt;: Ctrl+Shift+L from the register adds an entry to the chosen subject's measure; type the note and press Enter. Entries cannot be changed afterwards, only corrected by a new one.&lt;/li&gt;&lt;li&gt;Briefings, users and the Records menu are the governor's; ask the governor when one is needed.&lt;/li&gt;&lt;/ul&gt;</source>
            <translation>&lt;h3&gt;&lt;a name='deputies'&gt;&lt;/a&gt;Dirprwyon&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Mesurau&lt;/b&gt;: dewiswch y gwrthrych, yna Gwrthrych › Ychwanegu mesur (Ctrl+Shift+M), neu Diweddaru mesur ar y tab Mesurau.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Cofnodion&lt;/b&gt;: mae Ctrl+Shift+L o’r gofrestr yn ychwanegu cofnod at fesur y gwrthrych a ddewiswyd; teipiwch y nodyn a phwyso Enter. Ni ellir newid cofnodion wedyn, dim ond eu cywiro ag un newydd.&lt;/li&gt;&lt;li&gt;Mae briffiau, defnyddwyr a’r ddewislen Cofnodion yn perthyn i’r llywodraethwr; gofynnwch i’r llywodraethwr pan fydd angen un.&lt;/li&gt;&lt;/ul&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;&lt;a name='viewers'&gt;&lt;/a&gt;Viewers&lt;/h3&gt;&lt;p&gt;Viewers read the register and the records they may see; they change nothing.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;&lt;a name='viewers'&gt;&lt;/a&gt;Gwylwyr&lt;/h3&gt;&lt;p&gt;Mae gwylwyr yn darllen y gofrestr a’r cofnodion y cânt eu gweld; nid ydynt yn newid dim.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;The full documentation, for IT officers and headquarters, is in the docs folder of the installation.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Mae’r ddogfennaeth lawn, ar gyfer swyddogion TG a’r pencadlys, yn ffolder docs y gosodiad.&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>HeatMap</name>
        <message>
            <source>Risk heat map</source>
            <translation>Map gwres risg</translation>
        </message>
        <message>
            <source>Open cases by likelihood and impact. </source>
            <translation>Achosion agored yn ôl tebygolrwydd ac effaith. </translation>
        </message>
        <message>
            <source>No open cases.</source>
            <translation>Dim achosion agored.</translation>
        </message>
        <message numerus="yes">
            <source>%n open case(s)</source>
            <translation>
                <numerusform>%n achos agored</numerusform>
                <numerusform>%n achos agored</numerusform>
                <numerusform>%n achos agored</numerusform>
                <numerusform>%n achos agored</numerusform>
                <numerusform>%n achos agored</numerusform>
            </translation>
        </message>
        <message>
            <source>Impact →</source>
            <translation>Effaith →</translation>
        </message>
        <message>
            <source>Likelihood →</source>
            <translation>Tebygolrwydd →</translation>
        </message>
    </context>
    <context>
        <name>History</name>
        <message>
            <source>Added to the register</source>
            <translation>Ychwanegwyd at y gofrestr</translation>
        </message>
        <message>
            <source>Profile edited</source>
            <translation>Golygwyd y proffil</translation>
        </message>
        <message>
            <source>Threat reassessed</source>
            <translation>Ailaseswyd y bygythiad</translation>
        </message>
        <message>
            <source>Status changed</source>
            <translation>Newidiwyd y statws</translation>
        </message>
        <message>
            <source>Suspension / restricted duties changed</source>
            <translation>Newidiwyd yr ataliad / dyletswyddau cyfyngedig</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>Dilëwyd</translation>
        </message>
        <message>
            <source>Report added</source>
            <translation>Ychwanegwyd adroddiad</translation>
        </message>
        <message>
            <source>Report regraded</source>
            <translation>Ailraddiwyd adroddiad</translation>
        </message>
        <message>
            <source>Referral recorded</source>
            <translation>Cofnodwyd atgyfeiriad</translation>
        </message>
        <message>
            <source>Referral updated</source>
            <translation>Diweddarwyd atgyfeiriad</translation>
        </message>
        <message>
            <source>Measure added</source>
            <translation>Ychwanegwyd mesur</translation>
        </message>
        <message>
            <source>Measure changed</source>
            <translation>Newidiwyd mesur</translation>
        </message>
        <message>
            <source>Log entry added</source>
            <translation>Ychwanegwyd cofnod</translation>
        </message>
        <message>
            <source>Conflict of interest recorded</source>
            <translation>Cofnodwyd gwrthdaro buddiannau</translation>
        </message>
        <message>
            <source>Record opened</source>
            <translation>Agorwyd y cofnod</translation>
        </message>
        <message>
            <source>Exported</source>
            <translation>Allforiwyd</translation>
        </message>
        <message>
            <source>Printed</source>
            <translation>Argraffwyd</translation>
        </message>
        <message>
            <source>Copied out</source>
            <translation>Copïwyd allan</translation>
        </message>
        <message>
            <source>Disclosed</source>
            <translation>Datgelwyd</translation>
        </message>
    </context>
    <context>
        <name>HistoryTab</name>
        <message>
            <source>When</source>
            <translation>Pryd</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Gan</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Beth</translation>
        </message>
        <message>
            <source>History from the audit chain</source>
            <translation>Hanes o’r gadwyn archwilio</translation>
        </message>
        <message>
            <source>Every change to this subject, from the signed audit chain.</source>
            <translation>Pob newid i’r gwrthrych hwn, o’r gadwyn archwilio lofnodedig.</translation>
        </message>
    </context>
    <context>
        <name>HoldPrompt</name>
        <message>
            <source>A legal hold blocks erasure while litigation, an inquiry or a prosecution needs the record. </source>
            <translation>Mae cadw cyfreithiol yn atal dileu tra bo angen y cofnod ar gyfer ymgyfreitha, ymchwiliad neu erlyniad. </translation>
        </message>
        <message>
            <source>Lifting the hold lets the record be erased at review. </source>
            <translation>Mae codi’r cadw yn caniatáu dileu’r cofnod wrth ei adolygu. </translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Rheswm</translation>
        </message>
        <message>
            <source>&amp;Place hold</source>
            <translation>&amp;Gosod cadw</translation>
        </message>
        <message>
            <source>&amp;Lift hold</source>
            <translation>&amp;Codi’r cadw</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Rheswm:</translation>
        </message>
    </context>
    <context>
        <name>HqWindow</name>
        <message>
            <source>Governor's Console — Headquarters</source>
            <translation>Consol y Llywodraethwr — Pencadlys</translation>
        </message>
        <message>
            <source>Filter establishments</source>
            <translation>Hidlo sefydliadau</translation>
        </message>
        <message>
            <source>Only those needing action</source>
            <translation>Dim ond y rhai sydd angen gweithredu</translation>
        </message>
        <message>
            <source>Establishment history</source>
            <translation>Hanes y sefydliad</translation>
        </message>
        <message>
            <source>Staff in several establishments</source>
            <translation>Staff mewn sawl sefydliad</translation>
        </message>
        <message>
            <source>Open cases nationally: likelihood × impact</source>
            <translation>Achosion agored yn genedlaethol: tebygolrwydd × effaith</translation>
        </message>
        <message>
            <source>Unlocking…</source>
            <translation>Wrthi’n datgloi…</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Import register from CSV</source>
            <translation>Mewnforio cofrestr o CSV</translation>
        </message>
        <message>
            <source>CSV file</source>
            <translation>Ffeil CSV</translation>
        </message>
        <message>
            <source>Choose the CSV file saved from the spreadsheet</source>
            <translation>Dewiswch y ffeil CSV a gadwyd o’r daenlen</translation>
        </message>
        <message>
            <source>&amp;Choose file…</source>
            <translation>&amp;Dewis ffeil…</translation>
        </message>
        <message>
            <source>&amp;File:</source>
            <translation>&amp;Ffeil:</translation>
        </message>
        <message>
            <source>The first row must name the columns; only &lt;i&gt;name&lt;/i&gt; is required. Recognised: </source>
            <translation>Rhaid i’r rhes gyntaf enwi’r colofnau; dim ond &lt;i&gt;name&lt;/i&gt; (neu &lt;i&gt;enw&lt;/i&gt;) sy’n ofynnol. Cydnabyddir: </translation>
        </message>
        <message>
            <source>. Several categories are separated by ';', dates are YYYY-MM-DD. Nothing is written until you press Import.</source>
            <translation>. Gwahanir sawl categori gan ';', mae dyddiadau yn BBBB-MM-DD. Nid ysgrifennir dim nes i chi bwyso Mewnforio.</translation>
        </message>
        <message>
            <source>Rows to import</source>
            <translation>Rhesi i’w mewnforio</translation>
        </message>
        <message>
            <source>Lines with problems</source>
            <translation>Llinellau â phroblemau</translation>
        </message>
        <message>
            <source>Import only the good rows and leave out the lines with problems</source>
            <translation>Mewnforio’r rhesi da yn unig a gadael allan y llinellau â phroblemau</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Mewnforio</translation>
        </message>
        <message>
            <source>Choose a register CSV</source>
            <translation>Dewis CSV cofrestr</translation>
        </message>
        <message>
            <source>CSV files (*.csv *.txt);;All files (*)</source>
            <translation>Ffeiliau CSV (*.csv *.txt);;Pob ffeil (*)</translation>
        </message>
        <message>
            <source>Reading the file…</source>
            <translation>Wrthi’n darllen y ffeil…</translation>
        </message>
        <message>
            <source>Choose a file to see what would be imported.</source>
            <translation>Dewiswch ffeil i weld beth fyddai’n cael ei fewnforio.</translation>
        </message>
        <message>
            <source>This file cannot be imported as it is; see the problems below, fix the file and choose it again.</source>
            <translation>Ni ellir mewnforio’r ffeil hon fel y mae; gweler y problemau isod, cywirwch y ffeil a’i dewis eto.</translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) ready to import; </source>
            <translation>
                <numerusform>%n rhes yn barod i’w mewnforio; </numerusform>
                <numerusform>%n rhes yn barod i’w mewnforio; </numerusform>
                <numerusform>%n rhes yn barod i’w mewnforio; </numerusform>
                <numerusform>%n rhes yn barod i’w mewnforio; </numerusform>
                <numerusform>%n rhes yn barod i’w mewnforio; </numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n line(s) with problems.</source>
            <translation>
                <numerusform>%n llinell â phroblemau.</numerusform>
                <numerusform>%n llinell â phroblemau.</numerusform>
                <numerusform>%n llinell â phroblemau.</numerusform>
                <numerusform>%n llinell â phroblemau.</numerusform>
                <numerusform>%n llinell â phroblemau.</numerusform>
            </translation>
        </message>
        <message>
            <source>Import is unavailable: the file cannot be read as a register.</source>
            <translation>Nid oes modd mewnforio: ni ellir darllen y ffeil fel cofrestr.</translation>
        </message>
        <message numerus="yes">
            <source>Import is unavailable: %n line(s) [has|have] problems. Fix them in the file, or tick 'Import only the good rows'.</source>
            <translation>
                <numerusform>Nid oes modd mewnforio: mae problemau gyda %n llinell. Cywirwch nhw yn y ffeil, neu ticiwch 'Mewnforio’r rhesi da yn unig'.</numerusform>
                <numerusform>Nid oes modd mewnforio: mae problemau gyda %n llinell. Cywirwch nhw yn y ffeil, neu ticiwch 'Mewnforio’r rhesi da yn unig'.</numerusform>
                <numerusform>Nid oes modd mewnforio: mae problemau gyda %n llinell. Cywirwch nhw yn y ffeil, neu ticiwch 'Mewnforio’r rhesi da yn unig'.</numerusform>
                <numerusform>Nid oes modd mewnforio: mae problemau gyda %n llinell. Cywirwch nhw yn y ffeil, neu ticiwch 'Mewnforio’r rhesi da yn unig'.</numerusform>
                <numerusform>Nid oes modd mewnforio: mae problemau gyda %n llinell. Cywirwch nhw yn y ffeil, neu ticiwch 'Mewnforio’r rhesi da yn unig'.</numerusform>
            </translation>
        </message>
        <message>
            <source>Import is unavailable: no row of the file is good.</source>
            <translation>Nid oes modd mewnforio: nid oes un rhes dda yn y ffeil.</translation>
        </message>
        <message numerus="yes">
            <source>%n subject(s) imported in one transaction.</source>
            <translation>
                <numerusform>Mewnforiwyd %n gwrthrych mewn un trafodiad.</numerusform>
                <numerusform>Mewnforiwyd %n gwrthrych mewn un trafodiad.</numerusform>
                <numerusform>Mewnforiwyd %n gwrthrych mewn un trafodiad.</numerusform>
                <numerusform>Mewnforiwyd %n gwrthrych mewn un trafodiad.</numerusform>
                <numerusform>Mewnforiwyd %n gwrthrych mewn un trafodiad.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Left out: line(s) %1.</source>
            <translation>
                <numerusform>Wedi’u gadael allan: llinell(au) %1.</numerusform>
                <numerusform>Wedi’u gadael allan: llinell(au) %1.</numerusform>
                <numerusform>Wedi’u gadael allan: llinell(au) %1.</numerusform>
                <numerusform>Wedi’u gadael allan: llinell(au) %1.</numerusform>
                <numerusform>Wedi’u gadael allan: llinell(au) %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Correct the lines left out in the file and import those again; the reasons are listed under Lines with problems.</source>
            <translation>Cywirwch y llinellau a adawyd allan yn y ffeil a’u mewnforio eto; rhestrir y rhesymau o dan Llinellau â phroblemau.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Cau</translation>
        </message>
        <message>
            <source>Cancelled; nothing was imported.</source>
            <translation>Canslwyd; ni fewnforiwyd dim.</translation>
        </message>
        <message>
            <source>write it as %1</source>
            <translation>ysgrifennwch ef fel %1</translation>
        </message>
    </context>
    <context>
        <name>JournalWidget</name>
        <message>
            <source>Consultation journal</source>
            <translation>Dyddlyfr ymgynghori</translation>
        </message>
        <message>
            <source>Search the journal</source>
            <translation>Chwilio’r dyddlyfr</translation>
        </message>
        <message>
            <source>Reference, detail, recipient…</source>
            <translation>Cyfeirnod, manylyn, derbynnydd…</translation>
        </message>
        <message>
            <source>C&amp;lear filters</source>
            <translation>C&amp;lirio’r hidlwyr</translation>
        </message>
        <message>
            <source>Journal entries</source>
            <translation>Cofnodion y dyddlyfr</translation>
        </message>
        <message>
            <source>&amp;Export signed PDF…</source>
            <translation>&amp;Allforio PDF wedi’i lofnodi…</translation>
        </message>
        <message>
            <source>Export the journal as a signed PDF</source>
            <translation>Allforio’r dyddlyfr fel PDF wedi’i lofnodi</translation>
        </message>
        <message>
            <source>Re&amp;fresh</source>
            <translation>&amp;Adnewyddu</translation>
        </message>
        <message>
            <source>Reload the journal</source>
            <translation>Ail-lwytho’r dyddlyfr</translation>
        </message>
        <message>
            <source>Open &amp;folder</source>
            <translation>Agor y &amp;ffolder</translation>
        </message>
        <message>
            <source>Any</source>
            <translation>Unrhyw un</translation>
        </message>
        <message numerus="yes">
            <source>%n [entry|entries]</source>
            <translation>
                <numerusform>%n cofnod</numerusform>
                <numerusform>%n cofnod</numerusform>
                <numerusform>%n cofnod</numerusform>
                <numerusform>%n cofnod</numerusform>
                <numerusform>%n cofnod</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Showing %1 of %n [entry|entries]</source>
            <translation>
                <numerusform>Yn dangos %1 o %n cofnod</numerusform>
                <numerusform>Yn dangos %1 o %n cofnod</numerusform>
                <numerusform>Yn dangos %1 o %n cofnod</numerusform>
                <numerusform>Yn dangos %1 o %n cofnod</numerusform>
                <numerusform>Yn dangos %1 o %n cofnod</numerusform>
            </translation>
        </message>
        <message>
            <source>Save the journal as</source>
            <translation>Cadw’r dyddlyfr fel</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>Dogfennau PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>Wrthi’n allforio…</translation>
        </message>
    </context>
    <context>
        <name>LiftBar</name>
        <message>
            <source>Lift the bar on %1 for %2?

They will be able to open %2 while it carries their staff number. Your reason, signed into the audit chain:

%3</source>
            <translation>Codi’r gwaharddiad ar %1 ar gyfer %2?

Byddant yn gallu agor %2 tra bo’n dwyn eu rhif staff. Eich rheswm, wedi’i lofnodi yn y gadwyn archwilio:

%3</translation>
        </message>
        <message>
            <source>Lift bar</source>
            <translation>Codi gwaharddiad</translation>
        </message>
        <message>
            <source>Confirm lifting the bar</source>
            <translation>Cadarnhau codi’r gwaharddiad</translation>
        </message>
        <message>
            <source>&amp;Lift bar</source>
            <translation>&amp;Codi gwaharddiad</translation>
        </message>
    </context>
    <context>
        <name>LiftBarPrompt</name>
        <message>
            <source>Lift bar on %1</source>
            <translation>Codi gwaharddiad ar %1</translation>
        </message>
        <message>
            <source>%1 is barred from %2 because the record carries their staff number. Lifting the bar lets them open it while that stays so. Give the reason: it is kept in the signed audit chain.</source>
            <translation>Mae %1 wedi’i wahardd o %2 am fod y cofnod yn dwyn eu rhif staff. Mae codi’r gwaharddiad yn gadael iddynt ei agor tra bo hynny’n aros felly. Rhowch y rheswm: fe’i cedwir yn y gadwyn archwilio wedi’i llofnodi.</translation>
        </message>
        <message>
            <source>Reason for lifting the bar</source>
            <translation>Rheswm dros godi’r gwaharddiad</translation>
        </message>
        <message>
            <source>e.g. Staff number entered in error; checked with HR.</source>
            <translation>e.e. Rhif staff wedi’i roi mewn camgymeriad; gwiriwyd gydag AD.</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Rheswm:</translation>
        </message>
        <message>
            <source>&amp;Lift bar…</source>
            <translation>&amp;Codi gwaharddiad…</translation>
        </message>
        <message>
            <source>Give the reason for lifting the bar; it is kept in the audit chain.</source>
            <translation>Rhowch y rheswm dros godi’r gwaharddiad; fe’i cedwir yn y gadwyn archwilio.</translation>
        </message>
        <message>
            <source>The reason is too long; keep it under %1 characters.</source>
            <translation>Mae’r rheswm yn rhy hir; cadwch ef o dan %1 nod.</translation>
        </message>
    </context>
    <context>
        <name>LogEntryDialog</name>
        <message>
            <source>Add a log entry</source>
            <translation>Ychwanegu cofnod</translation>
        </message>
        <message>
            <source>What was done or seen, then Enter</source>
            <translation>Beth a wnaed neu a welwyd, yna Enter</translation>
        </message>
        <message>
            <source>&amp;Measure</source>
            <translation>&amp;Mesur</translation>
        </message>
        <message>
            <source>&amp;Entry</source>
            <translation>&amp;Cofnod</translation>
        </message>
        <message>
            <source>This subject has no measures yet; add a measure first.</source>
            <translation>Nid oes gan y gwrthrych hwn fesurau eto; ychwanegwch fesur yn gyntaf.</translation>
        </message>
        <message>
            <source>Type the log entry first.</source>
            <translation>Teipiwch y cofnod yn gyntaf.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Settings saved; the language changes when the console next starts.</source>
            <translation>Cadwyd y gosodiadau; bydd yr iaith yn newid pan fydd y consol yn dechrau nesaf.</translation>
        </message>
        <message>
            <source>Settings saved.</source>
            <translation>Cadwyd y gosodiadau.</translation>
        </message>
        <message>
            <source>Locked %1.</source>
            <translation>Wedi’i gloi %1.</translation>
        </message>
        <message>
            <source>Governor's Console</source>
            <translation>Consol y Llywodraethwr</translation>
        </message>
        <message>
            <source>Locked</source>
            <translation>Wedi’i gloi</translation>
        </message>
        <message>
            <source>Register</source>
            <translation>Cofrestr</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Dangosfwrdd</translation>
        </message>
        <message>
            <source>%1 (%2) · %3</source>
            <translation>%1 (%2) · %3</translation>
        </message>
        <message>
            <source>The vault could not be opened.</source>
            <translation>Nid oedd modd agor y gladdgell.</translation>
        </message>
        <message>
            <source>Governor's Console — %1</source>
            <translation>Consol y Llywodraethwr — %1</translation>
        </message>
        <message>
            <source>Your unfinished entry was kept and is open again.</source>
            <translation>Cadwyd eich cofnod anorffenedig ac mae ar agor eto.</translation>
        </message>
        <message>
            <source>Creating the vault and your signing identity…</source>
            <translation>Wrthi’n creu’r gladdgell a’ch hunaniaeth llofnodi…</translation>
        </message>
        <message>
            <source>Vault created. Your signing identity is ready.</source>
            <translation>Crëwyd y gladdgell. Mae eich hunaniaeth llofnodi’n barod.</translation>
        </message>
        <message>
            <source>Building the demo vault (fictional data)…</source>
            <translation>Wrthi’n adeiladu’r gladdgell arddangos (data ffuglennol)…</translation>
        </message>
        <message>
            <source>on request</source>
            <translation>ar gais</translation>
        </message>
        <message>
            <source>opening subject records</source>
            <translation>agor cofnodion gwrthrychau</translation>
        </message>
        <message>
            <source>Records you open are journaled as: %1.</source>
            <translation>Cofnodir y cofnodion a agorwch yn y dyddlyfr fel: %1.</translation>
        </message>
        <message>
            <source>%1 copied; the clipboard is cleared in 15 seconds.</source>
            <translation>Copïwyd %1; caiff y clipfwrdd ei glirio mewn 15 eiliad.</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Dadwneud</translation>
        </message>
    </context>
    <context>
        <name>MeasureDialog</name>
        <message>
            <source>Add a measure</source>
            <translation>Ychwanegu mesur</translation>
        </message>
        <message>
            <source>&amp;Aim</source>
            <translation>&amp;Nod</translation>
        </message>
        <message>
            <source>&amp;Type</source>
            <translation>&amp;Math</translation>
        </message>
        <message>
            <source>&amp;Details</source>
            <translation>&amp;Manylion</translation>
        </message>
        <message>
            <source>&amp;Owner</source>
            <translation>&amp;Perchennog</translation>
        </message>
        <message>
            <source>&amp;Start</source>
            <translation>&amp;Dechrau</translation>
        </message>
        <message>
            <source>&amp;Review due</source>
            <translation>&amp;Adolygiad yn ddyledus</translation>
        </message>
        <message>
            <source>Stat&amp;us</source>
            <translation>Stat&amp;ws</translation>
        </message>
    </context>
    <context>
        <name>MeasureUpdateDialog</name>
        <message>
            <source>Update measure</source>
            <translation>Diweddaru mesur</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>Mesur</translation>
        </message>
        <message>
            <source>&amp;Status</source>
            <translation>&amp;Statws</translation>
        </message>
        <message>
            <source>&amp;Review due</source>
            <translation>&amp;Adolygiad yn ddyledus</translation>
        </message>
        <message>
            <source>&amp;Effectiveness</source>
            <translation>&amp;Effeithiolrwydd</translation>
        </message>
    </context>
    <context>
        <name>MeasuresTab</name>
        <message>
            <source>Measure</source>
            <translation>Mesur</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statws</translation>
        </message>
        <message>
            <source>Review due</source>
            <translation>Adolygiad yn ddyledus</translation>
        </message>
        <message>
            <source>OVERDUE</source>
            <translation>YN HWYR</translation>
        </message>
        <message>
            <source>Log</source>
            <translation>Cofnodion</translation>
        </message>
        <message>
            <source>Aim</source>
            <translation>Nod</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Dechreuwyd</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Perchennog</translation>
        </message>
        <message>
            <source>Measures</source>
            <translation>Mesurau</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Pryd</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Gan</translation>
        </message>
        <message>
            <source>Entry</source>
            <translation>Cofnod</translation>
        </message>
        <message>
            <source>[corrects #%1] </source>
            <translation>[yn cywiro #%1] </translation>
        </message>
        <message>
            <source>Log of the chosen measure</source>
            <translation>Cofnodion y mesur a ddewiswyd</translation>
        </message>
        <message>
            <source>Add &amp;measure…</source>
            <translation>Ychwanegu &amp;mesur…</translation>
        </message>
        <message>
            <source>Add measure</source>
            <translation>Ychwanegu mesur</translation>
        </message>
        <message>
            <source>&amp;Update measure…</source>
            <translation>&amp;Diweddaru’r mesur…</translation>
        </message>
        <message>
            <source>Update the chosen measure</source>
            <translation>Diweddaru’r mesur a ddewiswyd</translation>
        </message>
        <message>
            <source>Add &amp;log entry…</source>
            <translation>Ychwanegu &amp;cofnod…</translation>
        </message>
        <message>
            <source>Add log entry</source>
            <translation>Ychwanegu cofnod</translation>
        </message>
        <message>
            <source>Add a log entry to the chosen measure (Ctrl+Shift+L)</source>
            <translation>Ychwanegu cofnod at y mesur a ddewiswyd (Ctrl+Shift+L)</translation>
        </message>
    </context>
    <context>
        <name>Menus</name>
        <message>
            <source>Change my &amp;passphrase…</source>
            <translation>Newid fy &amp;nghyfrinymadrodd…</translation>
        </message>
        <message>
            <source>Change the passphrase you sign in with</source>
            <translation>Newid y cyfrinymadrodd rydych yn mewngofnodi ag ef</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Gosodiadau…</translation>
        </message>
        <message>
            <source>Auto-lock, deadlines, quick unlock and desktop hygiene</source>
            <translation>Cloi awtomatig, terfynau amser, datgloi cyflym a hylendid y bwrdd gwaith</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Cymorth</translation>
        </message>
        <message>
            <source>&amp;User guide</source>
            <translation>&amp;Canllaw defnyddwyr</translation>
        </message>
        <message>
            <source>A short guide for governors, deputies and viewers</source>
            <translation>Canllaw byr i lywodraethwyr, dirprwyon a gwylwyr</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Llwybrau byr bysellfwrdd</translation>
        </message>
        <message>
            <source>Every shortcut of the menus</source>
            <translation>Pob llwybr byr yn y dewislenni</translation>
        </message>
        <message>
            <source>&amp;Screen-capture protection</source>
            <translation>Diogelu rhag &amp;cipio’r sgrin</translation>
        </message>
        <message>
            <source>&amp;About Governor's Console</source>
            <translation>&amp;Ynghylch Consol y Llywodraethwr</translation>
        </message>
        <message>
            <source>Version, licences and where the vault is kept</source>
            <translation>Fersiwn, trwyddedau a ble y cedwir y gladdgell</translation>
        </message>
        <message>
            <source>Conflict &amp;bars…</source>
            <translation>&amp;Gwaharddiadau gwrthdaro…</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Ffeil</translation>
        </message>
        <message>
            <source>&amp;New subject…</source>
            <translation>Gwrthrych &amp;newydd…</translation>
        </message>
        <message>
            <source>Add a member of staff to the register</source>
            <translation>Ychwanegu aelod o staff at y gofrestr</translation>
        </message>
        <message>
            <source>&amp;Import register (CSV)…</source>
            <translation>&amp;Mewnforio cofrestr (CSV)…</translation>
        </message>
        <message>
            <source>Import an existing spreadsheet register</source>
            <translation>Mewnforio cofrestr taenlen sy’n bodoli</translation>
        </message>
        <message>
            <source>&amp;Export briefing…</source>
            <translation>&amp;Allforio briff…</translation>
        </message>
        <message>
            <source>Produce a signed briefing PDF for HQ</source>
            <translation>Creu PDF briff wedi’i lofnodi ar gyfer y pencadlys</translation>
        </message>
        <message>
            <source>&amp;Backups…</source>
            <translation>&amp;Copïau wrth gefn…</translation>
        </message>
        <message>
            <source>Back up now, restore, and the automatic backups flagged for deletion</source>
            <translation>Gwneud copi wrth gefn nawr, adfer, a’r copïau awtomatig a nodwyd i’w dileu</translation>
        </message>
        <message>
            <source>&amp;Lock</source>
            <translation>&amp;Cloi</translation>
        </message>
        <message>
            <source>on request</source>
            <translation>ar gais</translation>
        </message>
        <message>
            <source>Lock the register now</source>
            <translation>Cloi’r gofrestr nawr</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Gadael</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Golygu</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Dadwneud</translation>
        </message>
        <message>
            <source>Put back the last profile edit</source>
            <translation>Dadwneud y golygiad proffil diwethaf</translation>
        </message>
        <message>
            <source>&amp;Find</source>
            <translation>&amp;Chwilio</translation>
        </message>
        <message>
            <source>Search the register</source>
            <translation>Chwilio’r gofrestr</translation>
        </message>
        <message>
            <source>&amp;Copy reference</source>
            <translation>&amp;Copïo’r cyfeirnod</translation>
        </message>
        <message>
            <source>Copy the chosen subject's reference (cleared after 15 seconds)</source>
            <translation>Copïo cyfeirnod y gwrthrych a ddewiswyd (caiff ei glirio ar ôl 15 eiliad)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Gweld</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Adnewyddu</translation>
        </message>
        <message>
            <source>Reload the register</source>
            <translation>Ail-lwytho’r gofrestr</translation>
        </message>
        <message>
            <source>&amp;Subject</source>
            <translation>G&amp;wrthrych</translation>
        </message>
        <message>
            <source>&amp;Edit profile…</source>
            <translation>&amp;Golygu’r proffil…</translation>
        </message>
        <message>
            <source>Change &amp;status…</source>
            <translation>Newid y &amp;statws…</translation>
        </message>
        <message>
            <source>&amp;Reassess threat…</source>
            <translation>&amp;Ailasesu’r bygythiad…</translation>
        </message>
        <message>
            <source>Add &amp;report…</source>
            <translation>Ychwanegu &amp;adroddiad…</translation>
        </message>
        <message>
            <source>Record re&amp;ferral…</source>
            <translation>Cofnodi a&amp;tgyfeiriad…</translation>
        </message>
        <message>
            <source>Add &amp;measure…</source>
            <translation>Ychwanegu &amp;mesur…</translation>
        </message>
        <message>
            <source>Add &amp;log entry…</source>
            <translation>Ychwanegu &amp;cofnod…</translation>
        </message>
        <message>
            <source>Add a log entry to a measure of the chosen subject</source>
            <translation>Ychwanegu cofnod at fesur y gwrthrych a ddewiswyd</translation>
        </message>
        <message>
            <source>Reason for &amp;opening…</source>
            <translation>Rheswm dros &amp;agor…</translation>
        </message>
        <message>
            <source>Why you are opening records in this session (recorded in the journal)</source>
            <translation>Pam rydych yn agor cofnodion yn y sesiwn hon (cofnodir yn y dyddlyfr)</translation>
        </message>
        <message>
            <source>&amp;Delete subject…</source>
            <translation>&amp;Dileu’r gwrthrych…</translation>
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation>&amp;Offer</translation>
        </message>
        <message>
            <source>&amp;Users…</source>
            <translation>&amp;Defnyddwyr…</translation>
        </message>
        <message>
            <source>Add or remove deputies, reset a passphrase, change your own, export your certificate</source>
            <translation>Ychwanegu neu dynnu dirprwyon, ailosod cyfrinymadrodd, newid eich un chi, allforio eich tystysgrif</translation>
        </message>
        <message>
            <source>Review the conflict-of-interest bars and lift one with a reason</source>
            <translation>Adolygu’r gwaharddiadau gwrthdaro buddiannau a chodi un gyda rheswm</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>Prif</translation>
        </message>
    </context>
    <context>
        <name>OptionsPage</name>
        <message>
            <source>Subjects</source>
            <translation>Gwrthrychau</translation>
        </message>
        <message>
            <source>Select subjects in the register first.</source>
            <translation>Dewiswch wrthrychau yn y gofrestr yn gyntaf.</translation>
        </message>
        <message>
            <source>Language of the briefing</source>
            <translation>Iaith y briff</translation>
        </message>
        <message>
            <source>&amp;English</source>
            <translation>&amp;English (Saesneg)</translation>
        </message>
        <message>
            <source>C&amp;ymraeg</source>
            <translation>C&amp;ymraeg</translation>
        </message>
        <message>
            <source>&amp;Bilingual: Cymraeg first, then English</source>
            <translation>&amp;Dwyieithog: Cymraeg yn gyntaf, yna Saesneg</translation>
        </message>
        <message>
            <source>OFFICIAL-SENSITIVE is printed in English on every page, with SWYDDOGOL-SENSITIF beside it on Welsh and bilingual pages.</source>
            <translation>Argraffir OFFICIAL-SENSITIVE yn Saesneg ar bob tudalen, gyda SWYDDOGOL-SENSITIF wrth ei ymyl ar dudalennau Cymraeg a dwyieithog.</translation>
        </message>
        <message>
            <source>Names</source>
            <translation>Enwau</translation>
        </message>
        <message>
            <source>Named: staff names as in the register</source>
            <translation>Wedi’u henwi: enwau staff fel yn y gofrestr</translation>
        </message>
        <message>
            <source>Pseudonymised: references only, names and staff numbers left out</source>
            <translation>Ffugenwog: cyfeirnodau yn unig, heb enwau na rhifau staff</translation>
        </message>
        <message>
            <source>Protect the PDF with a password</source>
            <translation>Diogelu’r PDF â chyfrinair</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Cyfrinair</translation>
        </message>
        <message>
            <source>Confirm password</source>
            <translation>Cadarnhau’r cyfrinair</translation>
        </message>
        <message>
            <source>Distribution</source>
            <translation>Dosbarthu</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Cyfrinair:</translation>
        </message>
        <message>
            <source>C&amp;onfirm:</source>
            <translation>C&amp;adarnhau:</translation>
        </message>
        <message>
            <source>&amp;Distribution:</source>
            <translation>&amp;Dosbarthu:</translation>
        </message>
        <message>
            <source>Preview shows the briefing, marked OFFICIAL-SENSITIVE, before anything is signed. Only Sign and save gives it its number, signs it with the certificate of %1 and counts it as the last briefing.</source>
            <translation>Mae Rhagolwg yn dangos y briff, wedi’i farcio’n OFFICIAL-SENSITIVE (SWYDDOGOL-SENSITIF), cyn llofnodi dim. Dim ond Llofnodi a chadw sy’n rhoi ei rif iddo, yn ei lofnodi â thystysgrif %1 ac yn ei gyfrif fel y briff diwethaf.</translation>
        </message>
        <message>
            <source>the signed-in user</source>
            <translation>y defnyddiwr sydd wedi mewngofnodi</translation>
        </message>
        <message>
            <source>All subjects</source>
            <translation>Pob gwrthrych</translation>
        </message>
        <message>
            <source>Selected subjects</source>
            <translation>Gwrthrychau dethol</translation>
        </message>
        <message>
            <source>Changes since the last briefing</source>
            <translation>Newidiadau ers y briff diwethaf</translation>
        </message>
    </context>
    <context>
        <name>OwnPassphrase</name>
        <message>
            <source>Change my passphrase</source>
            <translation>Newid fy nghyfrinymadrodd</translation>
        </message>
        <message>
            <source>Type your current passphrase, then the new one twice. Your keys are renewed and quick unlock on this computer is turned off; the records, your certificate and everyone else's passphrases stay as they are.</source>
            <translation>Teipiwch eich cyfrinymadrodd presennol, yna’r un newydd ddwywaith. Caiff eich allweddi eu hadnewyddu a diffoddir datgloi cyflym ar y cyfrifiadur hwn; mae’r cofnodion, eich tystysgrif a chyfrinymadroddion pawb arall yn aros fel y maent.</translation>
        </message>
        <message>
            <source>Changing your passphrase…</source>
            <translation>Wrthi’n newid eich cyfrinymadrodd…</translation>
        </message>
        <message>
            <source>Your passphrase was changed; use the new one from the next unlock.</source>
            <translation>Newidiwyd eich cyfrinymadrodd; defnyddiwch yr un newydd o’r datgloi nesaf.</translation>
        </message>
    </context>
    <context>
        <name>Passphrase</name>
        <message>
            <source>Type a passphrase</source>
            <translation>Teipiwch gyfrinymadrodd</translation>
        </message>
        <message>
            <source>Too short: at least %1 characters</source>
            <translation>Rhy fyr: o leiaf %1 nod</translation>
        </message>
        <message>
            <source>Weak: add more words</source>
            <translation>Gwan: ychwanegwch fwy o eiriau</translation>
        </message>
        <message>
            <source>Fair: another word or two would help</source>
            <translation>Gweddol: byddai gair neu ddau arall yn helpu</translation>
        </message>
        <message>
            <source>Good</source>
            <translation>Da</translation>
        </message>
        <message>
            <source>Strong</source>
            <translation>Cryf</translation>
        </message>
        <message>
            <source>Passphrase strength</source>
            <translation>Cryfder y cyfrinymadrodd</translation>
        </message>
        <message>
            <source>Weak passphrase</source>
            <translation>Cyfrinymadrodd gwan</translation>
        </message>
        <message>
            <source>This passphrase would be easy to guess. Anyone who copies the vault can try passphrases on their own computer, as fast as it allows, so a few unrelated words are much safer.</source>
            <translation>Byddai’n hawdd dyfalu’r cyfrinymadrodd hwn. Gall unrhyw un sy’n copïo’r gladdgell roi cynnig ar gyfrinymadroddion ar ei gyfrifiadur ei hun, mor gyflym ag y mae’n ei ganiatáu, felly mae ychydig o eiriau digyswllt yn llawer mwy diogel.</translation>
        </message>
        <message>
            <source>Choose a longer passphrase, or keep this one if you must.</source>
            <translation>Dewiswch gyfrinymadrodd hwy, neu cadwch yr un hwn os oes rhaid.</translation>
        </message>
        <message>
            <source>&amp;Choose another</source>
            <translation>&amp;Dewis un arall</translation>
        </message>
        <message>
            <source>&amp;Keep this passphrase</source>
            <translation>&amp;Cadw’r cyfrinymadrodd hwn</translation>
        </message>
        <message>
            <source>Hide the passphrase</source>
            <translation>Cuddio’r cyfrinymadrodd</translation>
        </message>
        <message>
            <source>Show the passphrase</source>
            <translation>Dangos y cyfrinymadrodd</translation>
        </message>
    </context>
    <context>
        <name>PassphraseDialog</name>
        <message>
            <source>C&amp;urrent passphrase:</source>
            <translation>Cyfrinymadrodd &amp;presennol:</translation>
        </message>
        <message>
            <source>&amp;New passphrase:</source>
            <translation>Cyfrinymadrodd &amp;newydd:</translation>
        </message>
        <message>
            <source>&amp;Confirm:</source>
            <translation>&amp;Cadarnhau:</translation>
        </message>
    </context>
    <context>
        <name>PassphrasePage</name>
        <message>
            <source>Your passphrase</source>
            <translation>Eich cyfrinymadrodd</translation>
        </message>
        <message>
            <source>It unlocks the vault. There is no way to recover it if it is lost, so choose a few words you will remember.</source>
            <translation>Mae’n datgloi’r gladdgell. Nid oes modd ei adfer os caiff ei golli, felly dewiswch ychydig o eiriau y byddwch yn eu cofio.</translation>
        </message>
        <message>
            <source>Use &amp;quick unlock on this computer</source>
            <translation>Defnyddio &amp;datgloi cyflym ar y cyfrifiadur hwn</translation>
        </message>
        <message>
            <source>Keeps an unlock key in this computer's keychain; the passphrase still works everywhere.</source>
            <translation>Yn cadw allwedd ddatgloi yng nghadwyn allweddi’r cyfrifiadur hwn; mae’r cyfrinymadrodd yn dal i weithio ym mhobman.</translation>
        </message>
        <message>
            <source>&amp;Passphrase</source>
            <translation>&amp;Cyfrinymadrodd</translation>
        </message>
        <message>
            <source>&amp;Confirm</source>
            <translation>C&amp;adarnhau</translation>
        </message>
        <message>
            <source>The two passphrases differ.</source>
            <translation>Mae’r ddau gyfrinymadrodd yn wahanol.</translation>
        </message>
    </context>
    <context>
        <name>ProblemsModel</name>
        <message>
            <source>Line</source>
            <translation>Llinell</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Enw</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>Colofn</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Gwerth</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
    </context>
    <context>
        <name>ProfileTab</name>
        <message>
            <source>Reference</source>
            <translation>Cyfeirnod</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Enw</translation>
        </message>
        <message>
            <source>Staff number</source>
            <translation>Rhif staff</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rôl</translation>
        </message>
        <message>
            <source>Location</source>
            <translation>Lleoliad</translation>
        </message>
        <message>
            <source>Employment</source>
            <translation>Cyflogaeth</translation>
        </message>
        <message>
            <source>Start date</source>
            <translation>Dyddiad dechrau</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statws</translation>
        </message>
        <message>
            <source>Also</source>
            <translation>Hefyd</translation>
        </message>
        <message>
            <source>Categories</source>
            <translation>Categorïau</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Perchennog</translation>
        </message>
        <message>
            <source>Next review</source>
            <translation>Adolygiad nesaf</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>Angen sylw</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Nodiadau</translation>
        </message>
        <message>
            <source>Notes:</source>
            <translation>Nodiadau:</translation>
        </message>
        <message>
            <source>&amp;Edit profile…</source>
            <translation>&amp;Golygu’r proffil…</translation>
        </message>
        <message>
            <source>Edit profile</source>
            <translation>Golygu’r proffil</translation>
        </message>
        <message>
            <source>Change &amp;status…</source>
            <translation>Newid y &amp;statws…</translation>
        </message>
        <message>
            <source>Change status</source>
            <translation>Newid y statws</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>Dileu…</translation>
        </message>
        <message>
            <source>Delete subject</source>
            <translation>Dileu gwrthrych</translation>
        </message>
        <message>
            <source>suspended</source>
            <translation>wedi’i atal o’r gwaith</translation>
        </message>
        <message>
            <source>on restricted duties</source>
            <translation>ar ddyletswyddau cyfyngedig</translation>
        </message>
        <message>
            <source>Nothing overdue</source>
            <translation>Dim yn hwyr</translation>
        </message>
    </context>
    <context>
        <name>QCoreApplication.self</name>
        <message>
            <source>Only the governor, on the governor's own vault, can make replicas or take in their changes.</source>
            <translation>Dim ond y llywodraethwr, ar gladdgell y llywodraethwr ei hun, all wneud atgynyrchiadau neu dderbyn eu newidiadau.</translation>
        </message>
    </context>
    <context>
        <name>RagBar</name>
        <message>
            <source>Open cases by risk band</source>
            <translation>Achosion agored yn ôl band risg</translation>
        </message>
        <message>
            <source>No open cases</source>
            <translation>Dim achosion agored</translation>
        </message>
    </context>
    <context>
        <name>ReasonPrompt</name>
        <message>
            <source>Reason</source>
            <translation>Rheswm</translation>
        </message>
        <message>
            <source>Reason for access</source>
            <translation>Rheswm dros gael mynediad</translation>
        </message>
        <message>
            <source>Why do you need this record? </source>
            <translation>Pam mae angen y cofnod hwn arnoch? </translation>
        </message>
        <message>
            <source>Your answer is kept in the consultation journal.</source>
            <translation>Cedwir eich ateb yn y dyddlyfr ymgynghori.</translation>
        </message>
        <message>
            <source>Press Enter to use the highlighted reason</source>
            <translation>Pwyswch Enter i ddefnyddio’r rheswm a amlygwyd</translation>
        </message>
        <message>
            <source>&amp;Other reason:</source>
            <translation>&amp;Rheswm arall:</translation>
        </message>
        <message>
            <source>Other reason</source>
            <translation>Rheswm arall</translation>
        </message>
        <message>
            <source>In a few words, without naming anyone</source>
            <translation>Mewn ychydig eiriau, heb enwi neb</translation>
        </message>
        <message>
            <source>&amp;Continue</source>
            <translation>&amp;Parhau</translation>
        </message>
        <message>
            <source>Say in a few words why, when the reason is 'other'.</source>
            <translation>Dywedwch pam mewn ychydig eiriau, pan fo’r rheswm yn 'arall'.</translation>
        </message>
    </context>
    <context>
        <name>RecordBrowser</name>
        <message>
            <source>%1 was added to the register. Press Enter to open its record; opening a record asks why, for the journal.</source>
            <translation>Ychwanegwyd %1 at y gofrestr. Pwyswch Enter i agor ei gofnod; mae agor cofnod yn gofyn pam, ar gyfer y dyddlyfr.</translation>
        </message>
        <message>
            <source>Opening a record needs a reason for the journal; choose one with Subject › Reason for opening (Ctrl+R).</source>
            <translation>Mae angen rheswm ar gyfer y dyddlyfr i agor cofnod; dewiswch un gyda Gwrthrych › Rheswm dros agor (Ctrl+R).</translation>
        </message>
        <message>
            <source>Choose a subject in the register first.</source>
            <translation>Dewiswch wrthrych yn y gofrestr yn gyntaf.</translation>
        </message>
    </context>
    <context>
        <name>ReferralDialog</name>
        <message>
            <source>Record a referral</source>
            <translation>Cofnodi atgyfeiriad</translation>
        </message>
        <message>
            <source>The subject as a whole</source>
            <translation>Y gwrthrych yn ei gyfanrwydd</translation>
        </message>
        <message>
            <source>Referred &amp;to</source>
            <translation>Atgyfeiriwyd &amp;at</translation>
        </message>
        <message>
            <source>&amp;Date referred</source>
            <translation>&amp;Dyddiad atgyfeirio</translation>
        </message>
        <message>
            <source>&amp;Their reference</source>
            <translation>&amp;Eu cyfeirnod</translation>
        </message>
        <message>
            <source>&amp;What</source>
            <translation>&amp;Beth</translation>
        </message>
        <message>
            <source>Next &amp;chase</source>
            <translation>&amp;Mynd ar ei ôl nesaf</translation>
        </message>
    </context>
    <context>
        <name>ReferralUpdateDialog</name>
        <message>
            <source>Update referral</source>
            <translation>Diweddaru atgyfeiriad</translation>
        </message>
        <message>
            <source>Referral</source>
            <translation>Atgyfeiriad</translation>
        </message>
        <message>
            <source>&amp;Acknowledged on</source>
            <translation>&amp;Cydnabuwyd ar</translation>
        </message>
        <message>
            <source>Next &amp;chase</source>
            <translation>&amp;Mynd ar ei ôl nesaf</translation>
        </message>
        <message>
            <source>&amp;Outcome</source>
            <translation>C&amp;anlyniad</translation>
        </message>
    </context>
    <context>
        <name>ReferralsTab</name>
        <message>
            <source>Referred</source>
            <translation>Atgyfeiriwyd</translation>
        </message>
        <message>
            <source>To</source>
            <translation>At</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Adroddiad</translation>
        </message>
        <message>
            <source>whole subject</source>
            <translation>y gwrthrych cyfan</translation>
        </message>
        <message>
            <source>Their ref.</source>
            <translation>Eu cyf.</translation>
        </message>
        <message>
            <source>Acknowledged</source>
            <translation>Cydnabuwyd</translation>
        </message>
        <message>
            <source>OVERDUE</source>
            <translation>YN HWYR</translation>
        </message>
        <message>
            <source>awaited</source>
            <translation>yn aros</translation>
        </message>
        <message>
            <source>Next chase</source>
            <translation>Mynd ar ei ôl nesaf</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Canlyniad</translation>
        </message>
        <message>
            <source>Referrals</source>
            <translation>Atgyfeiriadau</translation>
        </message>
        <message>
            <source>&amp;Record referral…</source>
            <translation>&amp;Cofnodi atgyfeiriad…</translation>
        </message>
        <message>
            <source>Record referral</source>
            <translation>Cofnodi atgyfeiriad</translation>
        </message>
        <message>
            <source>Mark &amp;acknowledged today</source>
            <translation>Nodi ei fod wedi’i &amp;gydnabod heddiw</translation>
        </message>
        <message>
            <source>Mark referral acknowledged</source>
            <translation>Nodi bod yr atgyfeiriad wedi’i gydnabod</translation>
        </message>
        <message>
            <source>&amp;Update referral…</source>
            <translation>&amp;Diweddaru’r atgyfeiriad…</translation>
        </message>
        <message>
            <source>Update the chosen referral</source>
            <translation>Diweddaru’r atgyfeiriad a ddewiswyd</translation>
        </message>
    </context>
    <context>
        <name>RegisterModel</name>
        <message>
            <source>Reference</source>
            <translation>Cyfeirnod</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Enw</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rôl</translation>
        </message>
        <message>
            <source>Location</source>
            <translation>Lleoliad</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statws</translation>
        </message>
        <message>
            <source>Categories</source>
            <translation>Categorïau</translation>
        </message>
        <message>
            <source>Risk</source>
            <translation>Risg</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Perchennog</translation>
        </message>
        <message>
            <source>Next review</source>
            <translation>Adolygiad nesaf</translation>
        </message>
        <message>
            <source>Flags</source>
            <translation>Baneri</translation>
        </message>
        <message>
            <source>Restricted to named users (need-to-know): you see its reference and risk band only. Ask the governor if you need to see it.</source>
            <translation>Wedi’i gyfyngu i ddefnyddwyr a enwir (angen gwybod): dim ond ei gyfeirnod a’i fand risg a welwch. Gofynnwch i’r llywodraethwr os oes angen i chi ei weld.</translation>
        </message>
        <message>
            <source>Restricted: </source>
            <translation>Cyfyngedig: </translation>
        </message>
        <message>
            <source>governors only</source>
            <translation>llywodraethwyr yn unig</translation>
        </message>
        <message>
            <source>no one but the governors</source>
            <translation>neb ond y llywodraethwyr</translation>
        </message>
        <message>
            <source>Needs attention: </source>
            <translation>Angen sylw: </translation>
        </message>
    </context>
    <context>
        <name>RegisterView</name>
        <message>
            <source>Search reference, name, role, location…</source>
            <translation>Chwilio cyfeirnod, enw, rôl, lleoliad…</translation>
        </message>
        <message>
            <source>Search the register</source>
            <translation>Chwilio’r gofrestr</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statws</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Categori</translation>
        </message>
        <message>
            <source>Risk</source>
            <translation>Risg</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>Angen sylw</translation>
        </message>
        <message>
            <source>Show only subjects that need attention</source>
            <translation>Dangos dim ond y gwrthrychau sydd angen sylw</translation>
        </message>
        <message>
            <source>Number of subjects shown</source>
            <translation>Nifer y gwrthrychau a ddangosir</translation>
        </message>
        <message>
            <source>Register of subjects</source>
            <translation>Cofrestr y gwrthrychau</translation>
        </message>
        <message>
            <source>Filter by %1</source>
            <translation>Hidlo yn ôl %1</translation>
        </message>
        <message>
            <source>Any %1</source>
            <translation>Unrhyw %1</translation>
        </message>
        <message numerus="yes">
            <source>%n subject(s)</source>
            <translation>
                <numerusform>%n gwrthrych</numerusform>
                <numerusform>%n gwrthrych</numerusform>
                <numerusform>%n gwrthrych</numerusform>
                <numerusform>%n gwrthrych</numerusform>
                <numerusform>%n gwrthrych</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 of %n subject(s)</source>
            <translation>
                <numerusform>%1 o %n gwrthrych</numerusform>
                <numerusform>%1 o %n gwrthrych</numerusform>
                <numerusform>%1 o %n gwrthrych</numerusform>
                <numerusform>%1 o %n gwrthrych</numerusform>
                <numerusform>%1 o %n gwrthrych</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReplicaBanner</name>
        <message>
            <source>Replica</source>
            <translation>Atgynhyrchiad</translation>
        </message>
        <message>
            <source>Send changes…</source>
            <translation>Anfon newidiadau…</translation>
        </message>
        <message>
            <source>Receive…</source>
            <translation>Derbyn…</translation>
        </message>
        <message>
            <source>today</source>
            <translation>heddiw</translation>
        </message>
        <message>
            <source>yesterday</source>
            <translation>ddoe</translation>
        </message>
        <message numerus="yes">
            <source>%n days ago</source>
            <translation>
                <numerusform>%n diwrnod yn ôl</numerusform>
                <numerusform>%n diwrnod yn ôl</numerusform>
                <numerusform>%n diwrnod yn ôl</numerusform>
                <numerusform>%n diwrnod yn ôl</numerusform>
                <numerusform>%n diwrnod yn ôl</numerusform>
            </translation>
        </message>
        <message>
            <source>the vault</source>
            <translation>y gladdgell</translation>
        </message>
        <message numerus="yes">
            <source>%n change(s)</source>
            <translation>
                <numerusform>%n newid</numerusform>
                <numerusform>%n newid</numerusform>
                <numerusform>%n newid</numerusform>
                <numerusform>%n newid</numerusform>
                <numerusform>%n newid</numerusform>
            </translation>
        </message>
        <message>
            <source>This is a replica of %1's register for %2, not the governor's vault. Last synchronised with the governor on %3 (%4); %5 not yet sent or not yet taken in.</source>
            <translation>Atgynhyrchiad yw hwn o gofrestr %1 ar gyfer %2, nid claddgell y llywodraethwr. Cydweddwyd ddiwethaf â’r llywodraethwr ar %3 (%4); %5 heb eu hanfon neu heb eu derbyn eto.</translation>
        </message>
    </context>
    <context>
        <name>ReplicaMenus</name>
        <message>
            <source>&amp;Replicas…</source>
            <translation>&amp;Atgynyrchiadau…</translation>
        </message>
        <message>
            <source>Make replicas for deputies, take in their changes, decide conflicts</source>
            <translation>Gwneud atgynyrchiadau i ddirprwyon, derbyn eu newidiadau, penderfynu ar wrthdaro</translation>
        </message>
        <message>
            <source>Send &amp;changes…</source>
            <translation>Anfon &amp;newidiadau…</translation>
        </message>
        <message>
            <source>Save this replica's changes as a pack for the governor</source>
            <translation>Cadw newidiadau’r atgynhyrchiad hwn fel pecyn i’r llywodraethwr</translation>
        </message>
        <message>
            <source>Recei&amp;ve…</source>
            <translation>&amp;Derbyn…</translation>
        </message>
        <message>
            <source>Take in the governor's update for this replica</source>
            <translation>Derbyn diweddariad y llywodraethwr ar gyfer yr atgynhyrchiad hwn</translation>
        </message>
        <message>
            <source>Save your changes for the governor</source>
            <translation>Cadw eich newidiadau i’r llywodraethwr</translation>
        </message>
        <message>
            <source>Saving your changes…</source>
            <translation>Wrthi’n cadw eich newidiadau…</translation>
        </message>
        <message>
            <source>Change pack %1 saved with %2 change(s); give it to the governor.</source>
            <translation>Cadwyd pecyn newid %1 gyda %2 newid; rhowch ef i’r llywodraethwr.</translation>
        </message>
        <message>
            <source>Receive the governor's update</source>
            <translation>Derbyn diweddariad y llywodraethwr</translation>
        </message>
        <message>
            <source>Taking in the update…</source>
            <translation>Wrthi’n derbyn y diweddariad…</translation>
        </message>
        <message>
            <source>Already applied.</source>
            <translation>Wedi’i gymhwyso eisoes.</translation>
        </message>
        <message>
            <source>Update %1 applied: the replica now holds what the governor's vault holds for you.</source>
            <translation>Cymhwyswyd diweddariad %1: mae’r atgynhyrchiad bellach yn dal yr hyn sydd gan gladdgell y llywodraethwr i chi.</translation>
        </message>
    </context>
    <context>
        <name>ReplicasDialog</name>
        <message>
            <source>Replicas</source>
            <translation>Atgynyrchiadau</translation>
        </message>
        <message>
            <source>Deputies' laptops carry replicas: the records each person may see, encrypted to them. Their changes come back as change packs, checked and signed into the chain here; send each replica an update after taking its changes in.</source>
            <translation>Mae gliniaduron dirprwyon yn cario atgynyrchiadau: y cofnodion y caiff pob person eu gweld, wedi’u hamgryptio iddynt. Daw eu newidiadau yn ôl fel pecynnau newid, a gaiff eu gwirio a’u llofnodi i’r gadwyn yma; anfonwch ddiweddariad i bob atgynhyrchiad ar ôl derbyn ei newidiadau.</translation>
        </message>
        <message>
            <source>Replicas made</source>
            <translation>Atgynyrchiadau a wnaed</translation>
        </message>
        <message>
            <source>&amp;Make a replica…</source>
            <translation>&amp;Gwneud atgynhyrchiad…</translation>
        </message>
        <message>
            <source>Make an &amp;update…</source>
            <translation>Gwneud &amp;diweddariad…</translation>
        </message>
        <message>
            <source>&amp;Receive changes…</source>
            <translation>&amp;Derbyn newidiadau…</translation>
        </message>
        <message>
            <source>Needs a decision</source>
            <translation>Angen penderfyniad</translation>
        </message>
        <message>
            <source>&amp;Take it on</source>
            <translation>&amp;Ei dderbyn</translation>
        </message>
        <message>
            <source>&amp;Set aside</source>
            <translation>&amp;Ei roi o’r neilltu</translation>
        </message>
        <message numerus="yes">
            <source>Needs a decision: %n proposed change(s) met a measure that had moved on since the replica's copy; nothing was overwritten.</source>
            <translation>
                <numerusform>Angen penderfyniad: daeth %n newid arfaethedig ar draws mesur a oedd wedi symud ymlaen ers copi’r atgynhyrchiad; ni throsysgrifwyd dim.</numerusform>
                <numerusform>Angen penderfyniad: daeth %n newid arfaethedig ar draws mesur a oedd wedi symud ymlaen ers copi’r atgynhyrchiad; ni throsysgrifwyd dim.</numerusform>
                <numerusform>Angen penderfyniad: daeth %n newid arfaethedig ar draws mesur a oedd wedi symud ymlaen ers copi’r atgynhyrchiad; ni throsysgrifwyd dim.</numerusform>
                <numerusform>Angen penderfyniad: daeth %n newid arfaethedig ar draws mesur a oedd wedi symud ymlaen ers copi’r atgynhyrchiad; ni throsysgrifwyd dim.</numerusform>
                <numerusform>Angen penderfyniad: daeth %n newid arfaethedig ar draws mesur a oedd wedi symud ymlaen ers copi’r atgynhyrchiad; ni throsysgrifwyd dim.</numerusform>
            </translation>
        </message>
        <message>
            <source>Needs a decision: nothing waits.</source>
            <translation>Angen penderfyniad: nid oes dim yn aros.</translation>
        </message>
        <message>
            <source>Save the replica pack</source>
            <translation>Cadw pecyn yr atgynhyrchiad</translation>
        </message>
        <message>
            <source>Making the replica…</source>
            <translation>Wrthi’n gwneud yr atgynhyrchiad…</translation>
        </message>
        <message>
            <source>Replica for %1 saved to %2. It opens only with their passphrase; carry it on an encrypted stick or send it by secure email.</source>
            <translation>Cadwyd yr atgynhyrchiad ar gyfer %1 yn %2. Dim ond â’u cyfrinymadrodd nhw y mae’n agor; cariwch ef ar gof bach wedi’i amgryptio neu ei anfon drwy e-bost diogel.</translation>
        </message>
        <message>
            <source>Save the update</source>
            <translation>Cadw’r diweddariad</translation>
        </message>
        <message>
            <source>Making the update…</source>
            <translation>Wrthi’n gwneud y diweddariad…</translation>
        </message>
        <message>
            <source>Update %1 for %2 saved to %3.</source>
            <translation>Cadwyd diweddariad %1 ar gyfer %2 yn %3.</translation>
        </message>
        <message>
            <source>Receive a change pack</source>
            <translation>Derbyn pecyn newid</translation>
        </message>
        <message>
            <source>Taking the changes in…</source>
            <translation>Wrthi’n derbyn y newidiadau…</translation>
        </message>
        <message>
            <source>Already applied: nothing in this pack was new.</source>
            <translation>Wedi’i gymhwyso eisoes: nid oedd dim yn y pecyn hwn yn newydd.</translation>
        </message>
        <message>
            <source>nothing</source>
            <translation>dim</translation>
        </message>
        <message>
            <source>Change pack %1 from %2: %3.</source>
            <translation>Pecyn newid %1 gan %2: %3.</translation>
        </message>
        <message>
            <source>Recording the decision…</source>
            <translation>Wrthi’n cofnodi’r penderfyniad…</translation>
        </message>
        <message>
            <source>The proposal was taken on.</source>
            <translation>Derbyniwyd y cynnig.</translation>
        </message>
        <message>
            <source>The proposal was set aside.</source>
            <translation>Rhoddwyd y cynnig o’r neilltu.</translation>
        </message>
    </context>
    <context>
        <name>ReplicasModel</name>
        <message>
            <source>never</source>
            <translation>byth</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Defnyddiwr</translation>
        </message>
        <message>
            <source>Made</source>
            <translation>Gwnaed</translation>
        </message>
        <message>
            <source>Update no.</source>
            <translation>Rhif diweddariad</translation>
        </message>
        <message>
            <source>Update sent</source>
            <translation>Diweddariad wedi’i anfon</translation>
        </message>
        <message>
            <source>Last contact</source>
            <translation>Cyswllt diwethaf</translation>
        </message>
        <message>
            <source>When a change pack from this replica was last taken in</source>
            <translation>Pryd y derbyniwyd pecyn newid o’r atgynhyrchiad hwn ddiwethaf</translation>
        </message>
        <message>
            <source>Changes taken in</source>
            <translation>Newidiadau a dderbyniwyd</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Yn aros</translation>
        </message>
        <message>
            <source>Proposed changes waiting for your decision</source>
            <translation>Newidiadau arfaethedig sy’n aros am eich penderfyniad</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Cofnod</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>Mesur</translation>
        </message>
        <message>
            <source>Proposed by</source>
            <translation>Cynigiwyd gan</translation>
        </message>
        <message>
            <source>On</source>
            <translation>Ar</translation>
        </message>
        <message>
            <source>Now → proposed</source>
            <translation>Nawr → arfaethedig</translation>
        </message>
    </context>
    <context>
        <name>ReportDialog</name>
        <message>
            <source>Add a report</source>
            <translation>Ychwanegu adroddiad</translation>
        </message>
        <message>
            <source>Needed for handling code C</source>
            <translation>Angen ar gyfer cod trin C</translation>
        </message>
        <message>
            <source>Author's identity withheld</source>
            <translation>Hunaniaeth yr awdur wedi’i chadw’n ôl</translation>
        </message>
        <message>
            <source>&amp;Type</source>
            <translation>&amp;Math</translation>
        </message>
        <message>
            <source>&amp;Received on</source>
            <translation>&amp;Derbyniwyd ar</translation>
        </message>
        <message>
            <source>&amp;Source evaluation</source>
            <translation>&amp;Gwerthuso’r ffynhonnell</translation>
        </message>
        <message>
            <source>&amp;Intelligence assessment</source>
            <translation>&amp;Asesu’r wybodaeth</translation>
        </message>
        <message>
            <source>&amp;Handling code</source>
            <translation>&amp;Cod trin</translation>
        </message>
        <message>
            <source>Handling &amp;condition</source>
            <translation>&amp;Amod trin</translation>
        </message>
        <message>
            <source>E&amp;xternal reference</source>
            <translation>Cyfeirnod a&amp;llanol</translation>
        </message>
        <message>
            <source>&amp;Author</source>
            <translation>A&amp;wdur</translation>
        </message>
        <message>
            <source>Sanitised &amp;summary</source>
            <translation>&amp;Crynodeb glanweithiedig</translation>
        </message>
        <message>
            <source>&amp;Full text</source>
            <translation>&amp;Testun llawn</translation>
        </message>
    </context>
    <context>
        <name>ReportsTab</name>
        <message>
            <source>Received</source>
            <translation>Derbyniwyd</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Math</translation>
        </message>
        <message>
            <source>Grading</source>
            <translation>Graddio</translation>
        </message>
        <message>
            <source>Referred</source>
            <translation>Atgyfeiriwyd</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>do</translation>
        </message>
        <message>
            <source>OVERDUE</source>
            <translation>YN HWYR</translation>
        </message>
        <message>
            <source>not yet</source>
            <translation>ddim eto</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Crynodeb</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Adroddiadau</translation>
        </message>
        <message>
            <source>Show &amp;full text</source>
            <translation>Dangos y &amp;testun llawn</translation>
        </message>
        <message>
            <source>Show full text</source>
            <translation>Dangos y testun llawn</translation>
        </message>
        <message>
            <source>Full text of the report</source>
            <translation>Testun llawn yr adroddiad</translation>
        </message>
        <message>
            <source>&amp;Add report…</source>
            <translation>&amp;Ychwanegu adroddiad…</translation>
        </message>
        <message>
            <source>Add report</source>
            <translation>Ychwanegu adroddiad</translation>
        </message>
        <message>
            <source>&amp;Refer…</source>
            <translation>&amp;Atgyfeirio…</translation>
        </message>
        <message>
            <source>Refer this report</source>
            <translation>Atgyfeirio’r adroddiad hwn</translation>
        </message>
        <message>
            <source>(the full text is not shown to your role)</source>
            <translation>(ni ddangosir y testun llawn i’ch rôl chi)</translation>
        </message>
        <message>
            <source>(no full text recorded)</source>
            <translation>(dim testun llawn wedi’i gofnodi)</translation>
        </message>
        <message>
            <source>Hide &amp;full text</source>
            <translation>Cuddio’r &amp;testun llawn</translation>
        </message>
    </context>
    <context>
        <name>RestorePrompt</name>
        <message>
            <source>Restore from a backup</source>
            <translation>Adfer o gopi wrth gefn</translation>
        </message>
        <message>
            <source>Governor's user name in the backup</source>
            <translation>Enw defnyddiwr y llywodraethwr yn y copi wrth gefn</translation>
        </message>
        <message>
            <source>Governor's passphrase in the backup</source>
            <translation>Cyfrinymadrodd y llywodraethwr yn y copi wrth gefn</translation>
        </message>
        <message>
            <source>Your passphrase today, if different</source>
            <translation>Eich cyfrinymadrodd heddiw, os yw’n wahanol</translation>
        </message>
        <message>
            <source>only if you changed it since the backup</source>
            <translation>dim ond os gwnaethoch ei newid ers y copi wrth gefn</translation>
        </message>
        <message>
            <source>Governor (user name in the backup):</source>
            <translation>Llywodraethwr (enw defnyddiwr yn y copi wrth gefn):</translation>
        </message>
        <message>
            <source>Their &amp;passphrase in the backup:</source>
            <translation>Eu &amp;cyfrinymadrodd yn y copi wrth gefn:</translation>
        </message>
        <message>
            <source>Your passphrase &amp;today:</source>
            <translation>Eich cyfrinymadrodd &amp;heddiw:</translation>
        </message>
        <message>
            <source>Lock and &amp;restore</source>
            <translation>Cloi ac &amp;adfer</translation>
        </message>
    </context>
    <context>
        <name>RestrictionDialog</name>
        <message>
            <source>Record restriction</source>
            <translation>Cyfyngiad ar gofnod</translation>
        </message>
        <message>
            <source>A restricted record shows other users only its reference and risk band. Governors always see it. Every change is kept in the audit chain.</source>
            <translation>Mae cofnod cyfyngedig yn dangos ei gyfeirnod a’i fand risg yn unig i ddefnyddwyr eraill. Mae llywodraethwyr bob amser yn ei weld. Cedwir pob newid yn y gadwyn archwilio.</translation>
        </message>
        <message>
            <source>&amp;Restrict this record to the users ticked below</source>
            <translation>&amp;Cyfyngu’r cofnod hwn i’r defnyddwyr a diciwyd isod</translation>
        </message>
        <message>
            <source>Users who may see the record</source>
            <translation>Defnyddwyr a gaiff weld y cofnod</translation>
        </message>
        <message>
            <source>Reason for the change</source>
            <translation>Rheswm dros y newid</translation>
        </message>
        <message>
            <source>Rea&amp;son:</source>
            <translation>Rhe&amp;swm:</translation>
        </message>
        <message>
            <source>Give the reason for the change; it is kept in the audit chain.</source>
            <translation>Rhowch y rheswm dros y newid; fe’i cedwir yn y gadwyn archwilio.</translation>
        </message>
    </context>
    <context>
        <name>ReviewQueueWidget</name>
        <message>
            <source>Retention review queue</source>
            <translation>Ciw adolygu cadw</translation>
        </message>
        <message>
            <source>Records due for review</source>
            <translation>Cofnodion sy’n ddyledus i’w hadolygu</translation>
        </message>
        <message>
            <source>Retain</source>
            <translation>Cadw</translation>
        </message>
        <message>
            <source>Reason for keeping the record</source>
            <translation>Rheswm dros gadw’r cofnod</translation>
        </message>
        <message>
            <source>e.g. investigation still live</source>
            <translation>e.e. ymchwiliad yn dal yn fyw</translation>
        </message>
        <message>
            <source>Next review date</source>
            <translation>Dyddiad yr adolygiad nesaf</translation>
        </message>
        <message>
            <source>&amp;Retain</source>
            <translation>&amp;Cadw</translation>
        </message>
        <message>
            <source>Retain the record</source>
            <translation>Cadw’r cofnod</translation>
        </message>
        <message>
            <source>Erase</source>
            <translation>Dileu</translation>
        </message>
        <message>
            <source>Reason for erasure</source>
            <translation>Rheswm dros ddileu</translation>
        </message>
        <message>
            <source>Kept after erasure: use the reference, no names</source>
            <translation>Fe’i cedwir ar ôl dileu: defnyddiwch y cyfeirnod, dim enwau</translation>
        </message>
        <message>
            <source>&amp;Erase…</source>
            <translation>&amp;Dileu…</translation>
        </message>
        <message>
            <source>Erase the record</source>
            <translation>Dileu’r cofnod</translation>
        </message>
        <message>
            <source>Reas&amp;on:</source>
            <translation>Rhe&amp;swm:</translation>
        </message>
        <message>
            <source>. Each needs a decision: retain with a reason and a next review date, or erase.</source>
            <translation>. Mae angen penderfyniad ar bob un: cadw gyda rheswm a dyddiad adolygu nesaf, neu ddileu.</translation>
        </message>
        <message>
            <source>No record is due for review. Nothing needs a decision.</source>
            <translation>Nid oes cofnod yn ddyledus i’w adolygu. Nid oes angen penderfyniad ar ddim.</translation>
        </message>
        <message>
            <source>Review dates follow these defaults until a decision sets one: </source>
            <translation>Mae dyddiadau adolygu’n dilyn y rhagosodiadau hyn nes i benderfyniad osod un: </translation>
        </message>
        <message>
            <source>No record chosen</source>
            <translation>Dim cofnod wedi’i ddewis</translation>
        </message>
        <message>
            <source>This record is under legal hold, so it cannot be erased; lift the hold first.</source>
            <translation>Mae’r cofnod hwn dan gadw cyfreithiol, felly ni ellir ei ddileu; codwch y cadw yn gyntaf.</translation>
        </message>
        <message>
            <source>Erase the record for good, leaving only a tombstone.</source>
            <translation>Dileu’r cofnod am byth, gan adael carreg fedd yn unig.</translation>
        </message>
        <message>
            <source>&amp;Lift legal hold…</source>
            <translation>&amp;Codi’r cadw cyfreithiol…</translation>
        </message>
        <message>
            <source>Place legal &amp;hold…</source>
            <translation>Gosod &amp;cadw cyfreithiol…</translation>
        </message>
        <message>
            <source>Lift legal hold</source>
            <translation>Codi’r cadw cyfreithiol</translation>
        </message>
        <message>
            <source>Place legal hold</source>
            <translation>Gosod cadw cyfreithiol</translation>
        </message>
    </context>
    <context>
        <name>RiskMatrix</name>
        <message>
            <source>Risk matrix</source>
            <translation>Matrics risg</translation>
        </message>
    </context>
    <context>
        <name>SaveLocation</name>
        <message>
            <source>This folder is synchronised with %1: the file will be copied off this computer.</source>
            <translation>Mae’r ffolder hon yn cydweddu â %1: caiff y ffeil ei chopïo oddi ar y cyfrifiadur hwn.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Gosodiadau</translation>
        </message>
        <message>
            <source>This vault</source>
            <translation>Y gladdgell hon</translation>
        </message>
        <message>
            <source>Never</source>
            <translation>Byth</translation>
        </message>
        <message>
            <source>The console locks itself after this many idle minutes; Never is not recommended.</source>
            <translation>Mae’r consol yn cloi ei hun ar ôl y nifer hwn o funudau segur; nid argymhellir Byth.</translation>
        </message>
        <message>
            <source>A report not referred within this many days is flagged.</source>
            <translation>Caiff adroddiad nas atgyfeiriwyd o fewn y nifer hwn o ddiwrnodau ei nodi.</translation>
        </message>
        <message>
            <source>A referral not acknowledged within this many days is flagged for chasing.</source>
            <translation>Caiff atgyfeiriad nas cydnabuwyd o fewn y nifer hwn o ddiwrnodau ei nodi i fynd ar ei ôl.</translation>
        </message>
        <message>
            <source>Quick unlock asks for the user's own passphrase again after this many hours.</source>
            <translation>Mae datgloi cyflym yn gofyn am gyfrinymadrodd y defnyddiwr ei hun eto ar ôl y nifer hwn o oriau.</translation>
        </message>
        <message>
            <source>Allow quick unlock where several users sign in on the same computer</source>
            <translation>Caniatáu datgloi cyflym lle mae sawl defnyddiwr yn mewngofnodi ar yr un cyfrifiadur</translation>
        </message>
        <message>
            <source>Anyone at that computer's account could then open the vault as a user who turned quick unlock on.</source>
            <translation>Gallai unrhyw un ar gyfrif y cyfrifiadur hwnnw wedyn agor y gladdgell fel defnyddiwr a drodd ddatgloi cyflym ymlaen.</translation>
        </message>
        <message>
            <source>&amp;Lock after idle:</source>
            <translation>&amp;Cloi ar ôl bod yn segur:</translation>
        </message>
        <message>
            <source>&amp;Refer a report within:</source>
            <translation>&amp;Atgyfeirio adroddiad o fewn:</translation>
        </message>
        <message>
            <source>Referral &amp;acknowledged within:</source>
            <translation>Atgyfeiriad wedi’i &amp;gydnabod o fewn:</translation>
        </message>
        <message>
            <source>Quick unlock &amp;works for:</source>
            <translation>Mae datgloi cyflym yn &amp;gweithio am:</translation>
        </message>
        <message>
            <source>Only the governor can change the vault's settings.</source>
            <translation>Dim ond y llywodraethwr all newid gosodiadau’r gladdgell.</translation>
        </message>
        <message>
            <source>This computer</source>
            <translation>Y cyfrifiadur hwn</translation>
        </message>
        <message>
            <source>&amp;Quick unlock with this computer's keychain</source>
            <translation>&amp;Datgloi cyflym gyda chadwyn allweddi’r cyfrifiadur hwn</translation>
        </message>
        <message>
            <source>&amp;Clear anything copied from the console after 15 seconds</source>
            <translation>&amp;Clirio unrhyw beth a gopïwyd o’r consol ar ôl 15 eiliad</translation>
        </message>
        <message>
            <source>The window is hidden from screen capture and recording.</source>
            <translation>Mae’r ffenestr wedi’i chuddio rhag cipio a recordio’r sgrin.</translation>
        </message>
        <message>
            <source>This system does not let the console hide its window from screen capture; take care when sharing or recording the screen.</source>
            <translation>Nid yw’r system hon yn gadael i’r consol guddio’i ffenestr rhag cipio’r sgrin; cymerwch ofal wrth rannu neu recordio’r sgrin.</translation>
        </message>
        <message>
            <source>Screen capture protection</source>
            <translation>Diogelu rhag cipio’r sgrin</translation>
        </message>
        <message>
            <source>The system's language</source>
            <translation>Iaith y system</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Iaith</translation>
        </message>
        <message>
            <source>Applies when the console next starts.</source>
            <translation>Yn dod i rym pan fydd y consol yn dechrau nesaf.</translation>
        </message>
        <message>
            <source>&amp;Language (from the next start):</source>
            <translation>&amp;Iaith (o’r cychwyn nesaf):</translation>
        </message>
        <message>
            <source>&amp;High contrast colours</source>
            <translation>Lliwiau &amp;cyferbyniad uchel</translation>
        </message>
        <message>
            <source>Black, white and yellow, with a thick focus outline; the system's high-contrast setting is followed too.</source>
            <translation>Du, gwyn a melyn, gydag amlinell ffocws drwchus; dilynir gosodiad cyferbyniad uchel y system hefyd.</translation>
        </message>
    </context>
    <context>
        <name>SetupWizard</name>
        <message>
            <source>Set up Governor's Console</source>
            <translation>Sefydlu Consol y Llywodraethwr</translation>
        </message>
    </context>
    <context>
        <name>Shortcuts</name>
        <message>
            <source> or </source>
            <translation> neu </translation>
        </message>
        <message>
            <source>Lists and fields</source>
            <translation>Rhestrau a meysydd</translation>
        </message>
        <message>
            <source>Move to the next control, out of a list</source>
            <translation>Symud i’r rheolydd nesaf, allan o restr</translation>
        </message>
        <message>
            <source>Tab</source>
            <translation>Tab</translation>
        </message>
        <message>
            <source>From the search box to the matching subjects</source>
            <translation>O’r blwch chwilio i’r gwrthrychau sy’n cyfateb</translation>
        </message>
        <message>
            <source>Down or Enter</source>
            <translation>Down neu Enter</translation>
        </message>
        <message>
            <source>Open the chosen subject's details</source>
            <translation>Agor manylion y gwrthrych a ddewiswyd</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Enter</translation>
        </message>
        <message>
            <source>Open a date's calendar</source>
            <translation>Agor calendr dyddiad</translation>
        </message>
        <message>
            <source>Alt+Down</source>
            <translation>Alt+Down</translation>
        </message>
        <message>
            <source>Choose, hide or reset a list's columns</source>
            <translation>Dewis, cuddio neu ailosod colofnau rhestr</translation>
        </message>
        <message>
            <source>Right-click a column heading</source>
            <translation>De-glicio pennawd colofn</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Llwybrau byr bysellfwrdd</translation>
        </message>
        <message>
            <source>Every command in the menus can also be reached with Alt and the underlined letter.</source>
            <translation>Gellir cyrraedd pob gorchymyn yn y dewislenni hefyd gydag Alt a’r llythyren a danlinellwyd.</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Ble</translation>
        </message>
        <message>
            <source>Command</source>
            <translation>Gorchymyn</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Bysellau</translation>
        </message>
    </context>
    <context>
        <name>StatusDialog</name>
        <message>
            <source>Change status</source>
            <translation>Newid y statws</translation>
        </message>
        <message>
            <source>Current</source>
            <translation>Presennol</translation>
        </message>
        <message>
            <source>New status</source>
            <translation>Statws newydd</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(dim)</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Canlyniad</translation>
        </message>
        <message>
            <source>Reason for the change</source>
            <translation>Rheswm dros y newid</translation>
        </message>
        <message>
            <source>&amp;New status</source>
            <translation>Statws &amp;newydd</translation>
        </message>
        <message>
            <source>&amp;Outcome</source>
            <translation>C&amp;anlyniad</translation>
        </message>
        <message>
            <source>&amp;Reason</source>
            <translation>&amp;Rheswm</translation>
        </message>
        <message>
            <source>An outcome is recorded only on closing.</source>
            <translation>Dim ond wrth gau y cofnodir canlyniad.</translation>
        </message>
        <message>
            <source>Give the reason for the change.</source>
            <translation>Rhowch y rheswm dros y newid.</translation>
        </message>
    </context>
    <context>
        <name>SubjectActions</name>
        <message>
            <source>Choose a subject in the register first.</source>
            <translation>Dewiswch wrthrych yn y gofrestr yn gyntaf.</translation>
        </message>
        <message>
            <source>%1 has no measures yet; add a measure first.</source>
            <translation>Nid oes gan %1 fesurau eto; ychwanegwch fesur yn gyntaf.</translation>
        </message>
    </context>
    <context>
        <name>SubjectDialog</name>
        <message>
            <source>Edit profile</source>
            <translation>Golygu’r proffil</translation>
        </message>
        <message>
            <source>Add a subject</source>
            <translation>Ychwanegu gwrthrych</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Cadw</translation>
        </message>
        <message>
            <source>Add to register</source>
            <translation>Ychwanegu at y gofrestr</translation>
        </message>
        <message>
            <source>e.g. Prison officer (band 3)</source>
            <translation>e.e. Swyddog carchar (band 3)</translation>
        </message>
        <message>
            <source>e.g. B wing</source>
            <translation>e.e. Adain B</translation>
        </message>
        <message>
            <source>Who manages this case</source>
            <translation>Pwy sy’n rheoli’r achos hwn</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Enw</translation>
        </message>
        <message>
            <source>Staff &amp;number</source>
            <translation>&amp;Rhif staff</translation>
        </message>
        <message>
            <source>&amp;Role</source>
            <translation>R&amp;ôl</translation>
        </message>
        <message>
            <source>&amp;Location</source>
            <translation>&amp;Lleoliad</translation>
        </message>
        <message>
            <source>&amp;Employment</source>
            <translation>C&amp;yflogaeth</translation>
        </message>
        <message>
            <source>&amp;Start date</source>
            <translation>&amp;Dyddiad dechrau</translation>
        </message>
        <message>
            <source>&amp;Categories</source>
            <translation>Ca&amp;tegorïau</translation>
        </message>
        <message>
            <source>&amp;Owner</source>
            <translation>&amp;Perchennog</translation>
        </message>
        <message>
            <source>Next re&amp;view</source>
            <translation>Ad&amp;olygiad nesaf</translation>
        </message>
        <message>
            <source>No&amp;tes</source>
            <translation>N&amp;odiadau</translation>
        </message>
        <message>
            <source>&amp;Likelihood (1-5)</source>
            <translation>&amp;Tebygolrwydd (1-5)</translation>
        </message>
        <message>
            <source>&amp;Impact (1-5)</source>
            <translation>&amp;Effaith (1-5)</translation>
        </message>
        <message>
            <source>Likelihood</source>
            <translation>Tebygolrwydd</translation>
        </message>
        <message>
            <source>Impact</source>
            <translation>Effaith</translation>
        </message>
    </context>
    <context>
        <name>SubjectPanel</name>
        <message>
            <source>Subject details</source>
            <translation>Manylion y gwrthrych</translation>
        </message>
        <message>
            <source>&amp;Profile</source>
            <translation>&amp;Proffil</translation>
        </message>
        <message>
            <source>&amp;Threat</source>
            <translation>&amp;Bygythiad</translation>
        </message>
        <message>
            <source>&amp;Reports</source>
            <translation>&amp;Adroddiadau</translation>
        </message>
        <message>
            <source>Re&amp;ferrals</source>
            <translation>A&amp;tgyfeiriadau</translation>
        </message>
        <message>
            <source>&amp;Measures</source>
            <translation>&amp;Mesurau</translation>
        </message>
        <message>
            <source>&amp;History</source>
            <translation>&amp;Hanes</translation>
        </message>
        <message>
            <source>Choose a subject in the register to see the details.</source>
            <translation>Dewiswch wrthrych yn y gofrestr i weld y manylion.</translation>
        </message>
        <message>
            <source>%1 risk · %2×%3 = %4</source>
            <translation>risg %1 · %2×%3 = %4</translation>
        </message>
        <message>
            <source>%1 risk</source>
            <translation>risg %1</translation>
        </message>
        <message>
            <source>governors only</source>
            <translation>llywodraethwyr yn unig</translation>
        </message>
        <message>
            <source>Restricted · %1</source>
            <translation>Cyfyngedig · %1</translation>
        </message>
    </context>
    <context>
        <name>SummaryPage</name>
        <message>
            <source>Ready to create the vault</source>
            <translation>Yn barod i greu’r gladdgell</translation>
        </message>
        <message>
            <source>Finish creates the encrypted vault and a signing identity for you. HQ can pin your certificate later (Tools › Users… › Export my certificate).</source>
            <translation>Mae Gorffen yn creu’r gladdgell wedi’i hamgryptio a hunaniaeth llofnodi i chi. Gall y pencadlys binio eich tystysgrif yn nes ymlaen (Offer › Defnyddwyr… › Allforio fy nhystysgrif).</translation>
        </message>
    </context>
    <context>
        <name>UnlockPage</name>
        <message>
            <source>Governor's Console</source>
            <translation>Consol y Llywodraethwr</translation>
        </message>
        <message>
            <source>The register is locked.</source>
            <translation>Mae’r gofrestr wedi’i chloi.</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Enw defnyddiwr</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Cyfrinymadrodd</translation>
        </message>
        <message>
            <source>Unlock message</source>
            <translation>Neges datgloi</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>Datgloi</translation>
        </message>
        <message>
            <source>Quick unlock</source>
            <translation>Datgloi cyflym</translation>
        </message>
        <message>
            <source>Unlock with the key kept in this computer's keychain.</source>
            <translation>Datgloi gyda’r allwedd a gedwir yng nghadwyn allweddi’r cyfrifiadur hwn.</translation>
        </message>
        <message>
            <source>Backups…</source>
            <translation>Copïau wrth gefn…</translation>
        </message>
        <message>
            <source>Restore the vault from a backup.</source>
            <translation>Adfer y gladdgell o gopi wrth gefn.</translation>
        </message>
        <message>
            <source>&amp;User</source>
            <translation>&amp;Defnyddiwr</translation>
        </message>
        <message>
            <source>&amp;Passphrase</source>
            <translation>&amp;Cyfrinymadrodd</translation>
        </message>
        <message>
            <source>Vault: %1</source>
            <translation>Claddgell: %1</translation>
        </message>
        <message>
            <source>Type your passphrase, then press Enter.</source>
            <translation>Teipiwch eich cyfrinymadrodd, yna pwyswch Enter.</translation>
        </message>
        <message>
            <source>Unlocking…</source>
            <translation>Wrthi’n datgloi…</translation>
        </message>
    </context>
    <context>
        <name>UnlockPane</name>
        <message>
            <source>HQ passphrase</source>
            <translation>Cyfrinymadrodd y pencadlys</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>Datgloi</translation>
        </message>
        <message>
            <source>Headquarters: national picture</source>
            <translation>Pencadlys: y darlun cenedlaethol</translation>
        </message>
        <message>
            <source>&amp;Passphrase</source>
            <translation>&amp;Cyfrinymadrodd</translation>
        </message>
    </context>
    <context>
        <name>UserForms</name>
        <message>
            <source>Remove user</source>
            <translation>Tynnu defnyddiwr</translation>
        </message>
    </context>
    <context>
        <name>UsersDialog</name>
        <message>
            <source>Export certificate</source>
            <translation>Allforio tystysgrif</translation>
        </message>
        <message>
            <source>PEM certificates (*.pem *.crt)</source>
            <translation>Tystysgrifau PEM (*.pem *.crt)</translation>
        </message>
        <message>
            <source>Change r&amp;ole…</source>
            <translation>Newid rô&amp;l…</translation>
        </message>
        <message>
            <source>Users</source>
            <translation>Defnyddwyr</translation>
        </message>
        <message>
            <source>Users of this vault</source>
            <translation>Defnyddwyr y gladdgell hon</translation>
        </message>
        <message>
            <source>&amp;Add user…</source>
            <translation>&amp;Ychwanegu defnyddiwr…</translation>
        </message>
        <message>
            <source>&amp;Reset passphrase…</source>
            <translation>&amp;Ailosod cyfrinymadrodd…</translation>
        </message>
        <message>
            <source>Re&amp;move…</source>
            <translation>&amp;Tynnu…</translation>
        </message>
        <message>
            <source>Give a user another role; the change is signed into the audit chain</source>
            <translation>Rhoi rôl arall i ddefnyddiwr; llofnodir y newid yn y gadwyn archwilio</translation>
        </message>
        <message>
            <source>You</source>
            <translation>Chi</translation>
        </message>
        <message>
            <source>&amp;Change my passphrase…</source>
            <translation>&amp;Newid fy nghyfrinymadrodd…</translation>
        </message>
        <message>
            <source>&amp;Export my certificate…</source>
            <translation>&amp;Allforio fy nhystysgrif…</translation>
        </message>
        <message>
            <source>Certificate fingerprint (SHA-256): reading…</source>
            <translation>Ôl bys y dystysgrif (SHA-256): wrthi’n darllen…</translation>
        </message>
        <message>
            <source>Your certificate fingerprint</source>
            <translation>Ôl bys eich tystysgrif</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Canlyniad</translation>
        </message>
        <message>
            <source>Use 'Change my passphrase' for yourself; another governor would have to remove you.</source>
            <translation>Defnyddiwch 'Newid fy nghyfrinymadrodd' ar eich cyfer eich hun; byddai’n rhaid i lywodraethwr arall eich tynnu chi.</translation>
        </message>
        <message>
            <source>%1 is now a %2.</source>
            <translation>Mae %1 bellach yn %2.</translation>
        </message>
        <message>
            <source>Changing the role…</source>
            <translation>Yn newid y rôl…</translation>
        </message>
    </context>
    <context>
        <name>Wiring</name>
        <message>
            <source>for the restore</source>
            <translation>ar gyfer yr adfer</translation>
        </message>
        <message>
            <source>Restoring the backup; the current vault is being kept aside…</source>
            <translation>Wrthi’n adfer y copi wrth gefn; mae’r gladdgell bresennol yn cael ei chadw o’r neilltu…</translation>
        </message>
        <message>
            <source>The backup was not restored; the vault is as it was. Unlock to continue.</source>
            <translation>Ni adferwyd y copi wrth gefn; mae’r gladdgell fel yr oedd. Datgloi i barhau.</translation>
        </message>
        <message>
            <source>Review &amp;queue…</source>
            <translation>&amp;Ciw adolygu…</translation>
        </message>
        <message>
            <source>Records due for retention review</source>
            <translation>Cofnodion sy’n ddyledus i’w hadolygu ar gyfer cadw</translation>
        </message>
        <message>
            <source>decide on retention</source>
            <translation>penderfynu ar gadw</translation>
        </message>
        <message>
            <source>&amp;Journal…</source>
            <translation>&amp;Dyddlyfr…</translation>
        </message>
        <message>
            <source>Who opened or sent out which record, and why</source>
            <translation>Pwy agorodd neu anfonodd pa gofnod, a pham</translation>
        </message>
        <message>
            <source>read the consultation journal</source>
            <translation>darllen y dyddlyfr ymgynghori</translation>
        </message>
        <message>
            <source>Subject &amp;access request…</source>
            <translation>Cais &amp;mynediad gwrthrych…</translation>
        </message>
        <message>
            <source>Prepare a signed access pack for one member of staff</source>
            <translation>Paratoi pecyn mynediad wedi’i lofnodi ar gyfer un aelod o staff</translation>
        </message>
        <message>
            <source>answer a subject access request</source>
            <translation>ateb cais mynediad gwrthrych</translation>
        </message>
        <message>
            <source>&amp;Restrict…</source>
            <translation>&amp;Cyfyngu…</translation>
        </message>
        <message>
            <source>Choose who may see the chosen subject's record</source>
            <translation>Dewis pwy gaiff weld cofnod y gwrthrych a ddewiswyd</translation>
        </message>
        <message>
            <source>restrict a record</source>
            <translation>cyfyngu ar gofnod</translation>
        </message>
        <message>
            <source>a deputy</source>
            <translation>dirprwy</translation>
        </message>
        <message>
            <source>a viewer</source>
            <translation>gwyliwr</translation>
        </message>
        <message>
            <source>Only the governor can %1; you are signed in as %2.</source>
            <translation>Dim ond y llywodraethwr all %1; rydych wedi mewngofnodi fel %2.</translation>
        </message>
        <message>
            <source>&amp;Records</source>
            <translation>&amp;Cofnodion</translation>
        </message>
        <message>
            <source>Choose a subject in the register first.</source>
            <translation>Dewiswch wrthrych yn y gofrestr yn gyntaf.</translation>
        </message>
    </context>
    <context>
        <name>WithholdPrompt</name>
        <message>
            <source>Ground for withholding</source>
            <translation>Sail dros gadw’n ôl</translation>
        </message>
        <message>
            <source>Recorded reason</source>
            <translation>Rheswm a gofnodwyd</translation>
        </message>
        <message>
            <source>Why, for the record (shown in the pack)</source>
            <translation>Pam, ar gyfer y cofnod (a ddangosir yn y pecyn)</translation>
        </message>
        <message>
            <source>&amp;Withhold</source>
            <translation>&amp;Cadw’n ôl</translation>
        </message>
        <message>
            <source>&amp;Ground:</source>
            <translation>&amp;Sail:</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Rheswm:</translation>
        </message>
    </context>
    <context>
        <name>_AttentionList</name>
        <message>
            <source>Double-click or press Enter to open the subject.</source>
            <translation>Cliciwch ddwywaith neu bwyswch Enter i agor y gwrthrych.</translation>
        </message>
    </context>
    <context>
        <name>parent</name>
        <message>
            <source>Make a replica</source>
            <translation>Gwneud atgynhyrchiad</translation>
        </message>
        <message>
            <source>For which deputy or viewer?</source>
            <translation>Ar gyfer pa ddirprwy neu wyliwr?</translation>
        </message>
    </context>
</TS>
