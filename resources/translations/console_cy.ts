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
            <source>Preview of the access pack</source>
            <translation>Rhagolwg o’r pecyn mynediad</translation>
        </message>
        <message>
            <source>You choose where when you sign</source>
            <translation>Byddwch yn dewis ble wrth lofnodi</translation>
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
            <source>&amp;Items</source>
            <translation>&amp;Eitemau</translation>
        </message>
        <message>
            <source>P&amp;review</source>
            <translation>Rh&amp;agolwg</translation>
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
        <name>DashboardWidget</name>
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
        <message>
            <source>review overdue</source>
            <translation>adolygiad yn hwyr</translation>
        </message>
    </context>
    <context>
        <name>FormDialog</name>
        <message>
            <source>Problem with this form</source>
            <translation>Problem gyda’r ffurflen hon</translation>
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
    </context>
    <context>
        <name>ImportDialog</name>
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
            <source>write it as %1</source>
            <translation>ysgrifennwch ef fel %1</translation>
        </message>
    </context>
    <context>
        <name>JournalWidget</name>
        <message>
            <source>Open &amp;folder</source>
            <translation>Agor y &amp;ffolder</translation>
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
            <source>Review the conflict-of-interest bars and lift one with a reason</source>
            <translation>Adolygu’r gwaharddiadau gwrthdaro buddiannau a chodi un gyda rheswm</translation>
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
        <name>RecordBrowser</name>
        <message>
            <source>%1 was added to the register. Press Enter to open its record; opening a record asks why, for the journal.</source>
            <translation>Ychwanegwyd %1 at y gofrestr. Pwyswch Enter i agor ei gofnod; mae agor cofnod yn gofyn pam, ar gyfer y dyddlyfr.</translation>
        </message>
    </context>
    <context>
        <name>RegisterView</name>
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
        <name>SaveLocation</name>
        <message>
            <source>This folder is synchronised with %1: the file will be copied off this computer.</source>
            <translation>Mae’r ffolder hon yn cydweddu â %1: caiff y ffeil ei chopïo oddi ar y cyfrifiadur hwn.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
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
            <source>Give the reason for the change.</source>
            <translation>Rhowch y rheswm dros y newid.</translation>
        </message>
    </context>
    <context>
        <name>SummaryPage</name>
        <message>
            <source>Finish creates the encrypted vault and a signing identity for you. HQ can pin your certificate later (Tools › Users… › Export my certificate).</source>
            <translation>Mae Gorffen yn creu’r gladdgell wedi’i hamgryptio a hunaniaeth llofnodi i chi. Gall y pencadlys binio eich tystysgrif yn nes ymlaen (Offer › Defnyddwyr… › Allforio fy nhystysgrif).</translation>
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
            <source>Give a user another role; the change is signed into the audit chain</source>
            <translation>Rhoi rôl arall i ddefnyddiwr; llofnodir y newid yn y gadwyn archwilio</translation>
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
