; Inno Setup 6 script: a per-user installer for the frozen Windows build.
;
; On a Windows build machine (docs/install.md, "Building the Windows
; installer"), after `.venv\Scripts\python packaging\build` has made
; dist\governors-console\:
;
;   iscc /DAppVersion=0.1.0 packaging\windows\governors-console.iss
;
; leaves dist\governors-console-0.1.0-setup.exe. It installs for the user
; running it, into %LOCALAPPDATA%\Programs\Governors Console, without
; administrator rights. The vault and settings live elsewhere
; (%LOCALAPPDATA%\governors-console, %APPDATA%\HM Prison Service): installing,
; upgrading and uninstalling never touch them.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z governors-console.iss
#endif
#define AppName "Governor's Console"
#define AppExe "governors-console.exe"
#define Built "..\..\dist\governors-console"

[Setup]
; The same id for every version, so a new installer upgrades the old one.
AppId={{1DC3F63E-0423-44ED-8745-C840B7D086A7}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=HM Prison Service
VersionInfoVersion={#AppVersion}
; Per user, no elevation: %LOCALAPPDATA%\Programs\...
PrivilegesRequired=lowest
DefaultDirName={userpf}\Governors Console
DisableDirPage=yes
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=governors-console-{#AppVersion}-setup
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running console is asked to close before its files are replaced.
CloseApplications=yes
RestartApplications=no

[Tasks]
Name: "desktopicon"; Description: "Create a shortcut on the desktop"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program's own files whole: nothing of an older
; version is left to be loaded by the new one.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Built}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "Start {#AppName}"; Flags: nowait postinstall skipifsilent
