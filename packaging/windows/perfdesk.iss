; PerfDesk — Windows installer (Inno Setup 6.3 or later).
;
; Build the bundle first (pyinstaller build.spec → dist\PerfDesk\), then from the repository root:
;   iscc /DAppVersion=0.1.0 packaging\windows\perfdesk.iss     → dist\PerfDesk-0.1.0-setup.exe
; (.github/workflows/windows.yml does both.)
;
; Per-user install, no administrator rights (PrivilegesRequired=lowest): the program goes to
; %LOCALAPPDATA%\Programs\PerfDesk ({autopf} in non administrative install mode), shortcuts to
; the user's Start menu and desktop, the .perfdesk association to HKCU\Software\Classes
; (HKA in non administrative install mode). An IT department can install for all users from the
; command line with /ALLUSERS (then Program Files, HKLM, UAC prompt).
;
; Uninstall removes only what Setup installed. The user's reports (wherever they were saved,
; normally Documents) and PerfDesk's settings, autosave, logs and templates (%APPDATA%\PerfDesk) are
; kept, so a reinstall or upgrade finds them again.
;
; Language: the wizard is Chinese when ChineseSimplified.isl sits beside this script, English
; otherwise. That translation is an "unofficial" one in Inno Setup 6 (not installed with Inno
; Setup): the workflow downloads it from the Inno Setup source repository
; (Files/Languages/Unofficial/ChineseSimplified.isl). Shortcut and file type names are Chinese
; either way.
;
; This file is UTF-8 with a byte order mark, which Inno Setup needs for the Chinese text.

#if Ver < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or later is required (x64compatible architecture identifier).
#endif

#define AppName "PerfDesk"
#define AppTitle "PerfDesk 绩效自评报告助手"
#define AppExeName "PerfDesk.exe"
#define BundleDir AddBackslash(SourcePath) + "..\..\dist\PerfDesk"
#ifndef AppVersion
  #define AppVersion GetVersionNumbersString(BundleDir + "\" + AppExeName)
#endif
#define ProgId "PerfDesk.Report"
#define HaveChinese FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")

[Setup]
; AppId identifies the installation for upgrades and uninstall: never change it.
AppId={{19D826DD-DEFF-4680-8AF0-03F9AE5EC39B}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppTitle} {#AppVersion}
AppPublisher=PerfDesk
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppTitle}
VersionInfoDescription={#AppTitle} 安装程序
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 and Python 3.11 need Windows 10 (1809) or later.
MinVersion=10.0.17763
ChangesAssociations=yes
CloseApplications=yes
RestartApplications=no
SetupIconFile=..\..\resources\icons\perfdesk.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppTitle}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
OutputDir=..\..\dist
OutputBaseFilename=PerfDesk-{#AppVersion}-setup
ShowLanguageDialog=no
LanguageDetectionMethod=uilanguage

[Languages]
; The first language is the default when the Windows UI language matches none of them:
; PerfDesk itself is Chinese, so its installer is too whenever the translation is present.
#if HaveChinese
Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.AssocTask=Open .perfdesk report files with PerfDesk
english.AssocGroup=File types:
english.FileTypeName=PerfDesk report
#if HaveChinese
chinesesimplified.AssocTask=用 PerfDesk 打开 .perfdesk 报告文件
chinesesimplified.AssocGroup=文件关联：
chinesesimplified.FileTypeName=PerfDesk 绩效自评报告
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "fileassoc"; Description: "{cm:AssocTask}"; GroupDescription: "{cm:AssocGroup}"

[InstallDelete]
; An upgrade replaces the whole bundle: stale libraries or Qt plugins of an older version
; must not be loaded by the new one. Only the program folder's _internal is touched.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppTitle}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{userdocs}"; Comment: "部门整体支出绩效自评报告的录入、审核与生成"
Name: "{autodesktop}\{#AppTitle}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{userdocs}"; Tasks: desktopicon
Name: "{autoprograms}\PerfDesk 使用指南"; Filename: "{app}\_internal\docs\user-guide.pdf"; Comment: "PerfDesk 使用指南和审核规则说明（PDF）"

[Registry]
; .perfdesk → PerfDesk.Report, under HKCU\Software\Classes (HKA in a per-user install).
; Uninstall runs these entries in reverse order: values first, then the keys left empty.
Root: HKA; Subkey: "Software\Classes\.perfdesk"; Flags: uninsdeletekeyifempty; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\.perfdesk\OpenWithProgids"; Flags: uninsdeletekeyifempty; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\.perfdesk"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\.perfdesk\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:FileTypeName}"; Flags: uninsdeletekey; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExeName},0"; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExeName}"" ""%1"""; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExeName}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppTitle}"; Flags: uninsdeletekey; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExeName}\SupportedTypes"; ValueType: string; ValueName: ".perfdesk"; ValueData: ""; Tasks: fileassoc

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppTitle}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Nothing of the user's: only the program folder if Setup's files leave it empty.
Type: dirifempty; Name: "{app}"
