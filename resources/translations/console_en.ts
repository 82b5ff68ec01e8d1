<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB">
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
</TS>