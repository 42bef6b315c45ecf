; Inno Setup 6 script for Régie's Windows installer: a per-user install (no administrator
; rights), a Start-menu shortcut, and an uninstaller that keeps the user's data unless asked.
;
; Built by `python installer\build.py --installer` after the bundle (dist\regie\), which
; passes the defines below; by hand:
;   iscc /DAppVersion=0.1.0 /DSourceDir=..\dist\regie /DIconFile=..\build\regie\icons\regie.ico installer\regie.iss
; Silent uninstall keeps the data; add /PURGE to delete it as well.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\regie"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\build\regie\icons\regie.ico"
#endif

[Setup]
; The AppId identifies Régie for upgrades and uninstall: never change it.
AppId={{A23008E2-70B5-4B6C-A01A-C648C077D0BD}
AppName=Régie
AppVersion={#AppVersion}
AppVerName=Régie {#AppVersion}
AppPublisher=Régie
VersionInfoVersion={#AppVersion}
VersionInfoProductName=Régie
; Per user: installs under %LOCALAPPDATA%\Programs, no administrator rights needed.
PrivilegesRequired=lowest
DefaultDirName={autopf}\Regie
DefaultGroupName=Régie
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\regie.exe
UninstallDisplayName=Régie
OutputDir={#OutputDir}
OutputBaseFilename=regie-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running Régie before replacing its files.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
french.AppComment=Vérifier webcams et micros, lancer Zoom, suivre les check-lists et les bilans des séances
english.AppComment=Check webcams and microphones, launch Zoom, run checklists and report on sessions
french.DeleteUserData=Supprimer aussi les données de Régie sur cet ordinateur ?%n%n%1%n%nLa base des séances, ses sauvegardes, vos check-lists et les journaux seront effacés. Choisissez « Non » pour les garder : une réinstallation les retrouvera.%n%nLes mots de passe Zoom restent dans le Gestionnaire d’identification de Windows (entrées « regie »).
english.DeleteUserData=Also delete Régie's data on this computer?%n%n%1%n%nThe sessions database, its backups, your checklists and the logs will be erased. Choose "No" to keep them: reinstalling will find them again.%n%nZoom passwords stay in Windows Credential Manager (entries "regie").

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the previous version's libraries instead of mixing them.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Régie"; Filename: "{app}\regie.exe"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\Régie"; Filename: "{app}\regie.exe"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\regie.exe"; Description: "{cm:LaunchProgram,Régie}"; Flags: nowait postinstall skipifsilent

[Code]
{ The user's data lives outside the program folder (the same folders Régie uses:
  platformdirs' %LOCALAPPDATA%\regie, and Qt's settings in HKCU\Software\Regie). The
  uninstaller removes only the program, unless the user says yes here or passes /PURGE. }

function HasParam(const Name: String): Boolean;
var
  I: Integer;
begin
  Result := False;
  for I := 1 to ParamCount do
    if CompareText(ParamStr(I), Name) = 0 then
      Result := True;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
  Purge: Boolean;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  DataDir := ExpandConstant('{localappdata}\regie');
  if not DirExists(DataDir) then
    exit;
  if HasParam('/PURGE') then
    Purge := True
  else
    { Silent uninstalls (and /SUPPRESSMSGBOXES) take the default answer: keep. }
    Purge := SuppressibleMsgBox(FmtMessage(CustomMessage('DeleteUserData'), [DataDir]),
      mbConfirmation, MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES;
  if Purge then
  begin
    DelTree(DataDir, True, True, True);
    RegDeleteKeyIncludingSubkeys(HKEY_CURRENT_USER, 'Software\Regie');
  end;
end;
