<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB">
    <context>
        <name>AccessPackDialog</name>
        <message numerus="yes">
            <source>%n item(s) will be given in full</source>
            <translation>
                <numerusform>%n item will be given in full</numerusform>
                <numerusform>%n items will be given in full</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n withheld, each with its reason.</source>
            <translation>
                <numerusform>%n withheld, each with its reason.</numerusform>
                <numerusform>%n withheld, each with its reason.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BriefingPage</name>
        <message numerus="yes">
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n page</numerusform>
                <numerusform>%n pages</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n subject(s)</source>
            <translation>
                <numerusform>%n subject</numerusform>
                <numerusform>%n subjects</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ConflictBarsDialog</name>
        <message numerus="yes">
            <source>%n bar(s) in force</source>
            <translation>
                <numerusform>%n bar in force</numerusform>
                <numerusform>%n bars in force</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DashboardWidget</name>
        <message numerus="yes">
            <source>%n subject(s) on the register</source>
            <translation>
                <numerusform>%n subject on the register</numerusform>
                <numerusform>%n subjects on the register</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n open</source>
            <translation>
                <numerusform>%n open</numerusform>
                <numerusform>%n open</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n [needs|need] attention</source>
            <translation>
                <numerusform>%n needs attention</numerusform>
                <numerusform>%n need attention</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message numerus="yes">
            <source>%n subject(s)</source>
            <translation>
                <numerusform>%n subject</numerusform>
                <numerusform>%n subjects</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n page</numerusform>
                <numerusform>%n pages</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Flags</name>
        <message numerus="yes">
            <source>%n unreferred</source>
            <translation>
                <numerusform>%n unreferred</numerusform>
                <numerusform>%n unreferred</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n unacknowledged</source>
            <translation>
                <numerusform>%n unacknowledged</numerusform>
                <numerusform>%n unacknowledged</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n measure review(s) overdue</source>
            <translation>
                <numerusform>%n measure review overdue</numerusform>
                <numerusform>%n measure reviews overdue</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HeatMap</name>
        <message numerus="yes">
            <source>%n open case(s)</source>
            <translation>
                <numerusform>%n open case</numerusform>
                <numerusform>%n open cases</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message numerus="yes">
            <source>%n row(s) ready to import; </source>
            <translation>
                <numerusform>%n row ready to import; </numerusform>
                <numerusform>%n rows ready to import; </numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n line(s) with problems.</source>
            <translation>
                <numerusform>%n line with problems.</numerusform>
                <numerusform>%n lines with problems.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Import is unavailable: %n line(s) [has|have] problems. Fix them in the file, or tick 'Import only the good rows'.</source>
            <translation>
                <numerusform>Import is unavailable: %n line has problems. Fix them in the file, or tick 'Import only the good rows'.</numerusform>
                <numerusform>Import is unavailable: %n lines have problems. Fix them in the file, or tick 'Import only the good rows'.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n subject(s) imported in one transaction.</source>
            <translation>
                <numerusform>%n subject imported in one transaction.</numerusform>
                <numerusform>%n subjects imported in one transaction.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Left out: line(s) %1.</source>
            <translation>
                <numerusform>Left out: line %1.</numerusform>
                <numerusform>Left out: lines %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>JournalWidget</name>
        <message numerus="yes">
            <source>%n [entry|entries]</source>
            <translation>
                <numerusform>%n entry</numerusform>
                <numerusform>%n entries</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Showing %1 of %n [entry|entries]</source>
            <translation>
                <numerusform>Showing %1 of %n entry</numerusform>
                <numerusform>Showing %1 of %n entries</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RegisterView</name>
        <message numerus="yes">
            <source>%n subject(s)</source>
            <translation>
                <numerusform>%n subject</numerusform>
                <numerusform>%n subjects</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 of %n subject(s)</source>
            <translation>
                <numerusform>%1 of %n subject</numerusform>
                <numerusform>%1 of %n subjects</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReplicaBanner</name>
        <message numerus="yes">
            <source>%n days ago</source>
            <translation>
                <numerusform>%n days ago</numerusform>
                <numerusform>%n days ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n change(s)</source>
            <translation>
                <numerusform>%n change</numerusform>
                <numerusform>%n changes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReplicasDialog</name>
        <message numerus="yes">
            <source>Needs a decision: %n proposed change(s) met a measure that had moved on since the replica's copy; nothing was overwritten.</source>
            <translation>
                <numerusform>Needs a decision: %n proposed change met a measure that had moved on since the replica's copy; nothing was overwritten.</numerusform>
                <numerusform>Needs a decision: %n proposed changes met a measure that had moved on since the replica's copy; nothing was overwritten.</numerusform>
            </translation>
        </message>
    </context>
</TS>