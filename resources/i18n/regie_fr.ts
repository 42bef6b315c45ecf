<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AttendanceDialog</name>
    <message>
        <source>Attendance — {title}</source>
        <translation>Fréquentation — {title}</translation>
    </message>
    <message>
        <source>Attendance of the session</source>
        <translation>Fréquentation de la séance</translation>
    </message>
    <message>
        <source>{title} · {day} · capacity {capacity}</source>
        <translation>{title} · {day} · jauge&#xa0;: {capacity}</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Inscrits</translation>
    </message>
    <message>
        <source>Connected (remote)</source>
        <translation>Connectés (à distance)</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>Sur place</translation>
    </message>
    <message>
        <source>Remote session: nobody in the room.</source>
        <translation>Séance à distance : personne dans la salle.</translation>
    </message>
    <message>
        <source>&amp;Registered:</source>
        <translation>&amp;Inscrits :</translation>
    </message>
    <message>
        <source>&amp;Connected (remote):</source>
        <translation>&amp;Connectés (à distance) :</translation>
    </message>
    <message>
        <source>On &amp;site:</source>
        <translation>Sur &amp;place :</translation>
    </message>
    <message>
        <source>Derived figures</source>
        <translation>Indicateurs calculés</translation>
    </message>
    <message>
        <source>Import &amp;Zoom report…</source>
        <translation>Importer le rapport &amp;Zoom…</translation>
    </message>
    <message>
        <source>Import Zoom&apos;s participant report</source>
        <translation>Importer le rapport des participants Zoom</translation>
    </message>
    <message>
        <source>Import registration &amp;list…</source>
        <translation>Importer la &amp;liste d&apos;inscrits…</translation>
    </message>
    <message>
        <source>Import the registration list</source>
        <translation>Importer la liste des inscrits</translation>
    </message>
    <message>
        <source>Preview of the import</source>
        <translation>Aperçu de l&apos;import</translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation>Résumé de l&apos;import</translation>
    </message>
    <message>
        <source>People found in the file</source>
        <translation>Personnes trouvées dans le fichier</translation>
    </message>
    <message>
        <source>Sa&amp;ve the import</source>
        <translation>&amp;Enregistrer l&apos;import</translation>
    </message>
    <message>
        <source>Save the imported people and count</source>
        <translation>Enregistrer les personnes importées et le total</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Abandonner</translation>
    </message>
    <message>
        <source>Discard the import</source>
        <translation>Abandonner l&apos;import</translation>
    </message>
    <message>
        <source>Saving the import</source>
        <translation>Enregistrement de l&apos;import</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Save the typed counts</source>
        <translation>Enregistrer les nombres saisis</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Needs the database server, which cannot be reached now.</source>
        <translation>Nécessite le serveur de base de données, injoignable pour le moment.</translation>
    </message>
    <message>
        <source>Figures are shown when the server answers again.</source>
        <translation>Les indicateurs s’afficheront quand le serveur répondra de nouveau.</translation>
    </message>
    <message>
        <source>The database server cannot be reached: the counts you save are kept on this computer and sent when it answers again.</source>
        <translation>Le serveur de base de données est injoignable : les chiffres que vous enregistrez sont gardés sur cet ordinateur et envoyés dès qu’il répondra.</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>non saisi</translation>
    </message>
    <message>
        <source>The import is being saved: close the window once it is done.</source>
        <translation>L&apos;import est en cours d&apos;enregistrement : fermez la fenêtre une fois qu&apos;il est terminé.</translation>
    </message>
    <message>
        <source>The counts you typed are not saved yet.</source>
        <translation>Les nombres que vous avez saisis ne sont pas encore enregistrés.</translation>
    </message>
    <message>
        <source>Save them before closing?</source>
        <translation>Les enregistrer avant de fermer&#xa0;?</translation>
    </message>
    <message>
        <source>No-show: {no_show} · fill rate: {fill} · peak: {peak} · median time: {median} min</source>
        <translation>Absents : {no_show} · remplissage : {fill} · pic : {peak} · durée médiane : {median} min</translation>
    </message>
    <message>
        <source>Counts saved.</source>
        <translation>Nombres enregistrés.</translation>
    </message>
    <message>
        <source>Type at least one count to save.</source>
        <translation>Saisissez au moins un chiffre à enregistrer.</translation>
    </message>
    <message numerus="yes">
        <source>The database server cannot be reached: the counts are kept on this computer and will be sent when it answers again (%n waiting).</source>
        <translation>
            <numerusform>Le serveur de base de données est injoignable : les chiffres sont gardés sur cet ordinateur et seront envoyés dès qu’il répondra (%n en attente).</numerusform>
            <numerusform>Le serveur de base de données est injoignable : les chiffres sont gardés sur cet ordinateur et seront envoyés dès qu’il répondra (%n en attente).</numerusform>
        </translation>
    </message>
    <message>
        <source>Zoom participant report</source>
        <translation>Rapport des participants Zoom</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>Fichiers CSV (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Registration list</source>
        <translation>Liste des inscrits</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Lecture du fichier…</translation>
    </message>
    <message>
        <source>{attendees} ({rows}, {merged}, {skipped}: host or waiting room only). Peak: {peak}.</source>
        <translation>{attendees} ({rows}, {merged}, {skipped}&#xa0;: hôte ou salle d&apos;attente seulement). Pic&#xa0;: {peak}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln attendees</source>
        <translation>
            <numerusform>%Ln participant</numerusform>
            <numerusform>%Ln participants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows read</source>
        <translation>
            <numerusform>%Ln ligne lue</numerusform>
            <numerusform>%Ln lignes lues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln reconnections merged</source>
        <translation>
            <numerusform>%Ln reconnexion regroupée</numerusform>
            <numerusform>%Ln reconnexions regroupées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows skipped</source>
        <translation>
            <numerusform>%Ln ligne écartée</numerusform>
            <numerusform>%Ln lignes écartées</numerusform>
        </translation>
    </message>
    <message>
        <source>{registered} ({rows}, {dup}, {skipped}).</source>
        <translation>{registered} ({rows}, {dup}, {skipped}).</translation>
    </message>
    <message numerus="yes">
        <source>%Ln registered</source>
        <translation>
            <numerusform>%Ln inscrit</numerusform>
            <numerusform>%Ln inscrits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln duplicates</source>
        <translation>
            <numerusform>%Ln doublon</numerusform>
            <numerusform>%Ln doublons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cancelled or refused</source>
        <translation>
            <numerusform>%Ln annulé ou refusé</numerusform>
            <numerusform>%Ln annulés ou refusés</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the preview, then save the import or discard it.</source>
        <translation>Vérifiez l&apos;aperçu, puis enregistrez l&apos;import ou abandonnez-le.</translation>
    </message>
    <message>
        <source>Saving replaces the Zoom report imported earlier (number of people: {people}; their names were removed after the retention period).</source>
        <translation>L’enregistrement remplace le rapport Zoom importé auparavant (nombre de personnes&#xa0;: {people}&#xa0;; leurs noms ont été effacés à la fin de la durée de conservation).</translation>
    </message>
    <message>
        <source>Saving replaces the registration list imported earlier (number of people: {people}; their names were removed after the retention period).</source>
        <translation>L’enregistrement remplace la liste d’inscrits importée auparavant (nombre de personnes&#xa0;: {people}&#xa0;; leurs noms ont été effacés à la fin de la durée de conservation).</translation>
    </message>
    <message>
        <source>Saving replaces the Zoom report imported on {when} (number of people: {people}).</source>
        <translation>L’enregistrement remplace le rapport Zoom importé le {when} (nombre de personnes&#xa0;: {people}).</translation>
    </message>
    <message>
        <source>Saving replaces the registration list imported on {when} (number of people: {people}).</source>
        <translation>L’enregistrement remplace la liste d’inscrits importée le {when} (nombre de personnes&#xa0;: {people}).</translation>
    </message>
    <message>
        <source>Nothing was imported. {error}</source>
        <translation>Rien n&apos;a été importé. {error}</translation>
    </message>
    <message>
        <source>Replace it with the file you are importing?</source>
        <translation>Le remplacer par le fichier que vous importez&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Remplacer</translation>
    </message>
    <message>
        <source>Replace the earlier import</source>
        <translation>Remplacer l’import précédent</translation>
    </message>
    <message>
        <source>&amp;Keep the earlier one</source>
        <translation>&amp;Garder le précédent</translation>
    </message>
    <message>
        <source>Keep the earlier import</source>
        <translation>Garder l’import précédent</translation>
    </message>
    <message>
        <source>Saving the import…</source>
        <translation>Enregistrement de l&apos;import…</translation>
    </message>
    <message>
        <source>The import was not saved.</source>
        <translation>L&apos;import n&apos;a pas été enregistré.</translation>
    </message>
    <message>
        <source>The import was not saved. {error}</source>
        <translation>L&apos;import n&apos;a pas été enregistré. {error}</translation>
    </message>
    <message>
        <source>Import saved.</source>
        <translation>Import enregistré.</translation>
    </message>
    <message>
        <source>The counts you typed are kept; press Save to record them.</source>
        <translation>Les nombres que vous avez saisis sont conservés&#xa0;; cliquez sur Enregistrer pour les enregistrer.</translation>
    </message>
</context>
<context>
    <name>AudioCheckArea</name>
    <message>
        <source>Sound problem</source>
        <translation>Problème de son</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Appareils</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Micro</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Haut-parleurs</translation>
    </message>
    <message>
        <source>&amp;Microphone:</source>
        <translation>&amp;Micro :</translation>
    </message>
    <message>
        <source>&amp;Speakers:</source>
        <translation>&amp;Haut-parleurs :</translation>
    </message>
    <message>
        <source>&amp;Refresh list</source>
        <translation>Actualiser la &amp;liste</translation>
    </message>
    <message>
        <source>Refresh the device list</source>
        <translation>Actualiser la liste des appareils</translation>
    </message>
    <message>
        <source>Live level</source>
        <translation>Niveau en direct</translation>
    </message>
    <message>
        <source>Meter off</source>
        <translation>Vumètre arrêté</translation>
    </message>
    <message>
        <source>Level reading</source>
        <translation>Niveau mesuré</translation>
    </message>
    <message>
        <source>&amp;Listen</source>
        <translation>Éc&amp;outer</translation>
    </message>
    <message>
        <source>Start or stop the level meter</source>
        <translation>Démarrer ou arrêter le vumètre</translation>
    </message>
    <message>
        <source>Guided check</source>
        <translation>Vérification guidée</translation>
    </message>
    <message>
        <source>Measure the room noise</source>
        <translation>Mesurer le bruit de la salle</translation>
    </message>
    <message>
        <source>2. Read the s&amp;entence</source>
        <translation>2. Lire la &amp;phrase</translation>
    </message>
    <message>
        <source>Measure the voice level</source>
        <translation>Mesurer le niveau de la voix</translation>
    </message>
    <message>
        <source>Sentence to read aloud</source>
        <translation>Phrase à lire à voix haute</translation>
    </message>
    <message>
        <source>3. &amp;Test the speakers</source>
        <translation>3. &amp;Tester les haut-parleurs</translation>
    </message>
    <message>
        <source>Play a tone on the speakers</source>
        <translation>Jouer un bip sur les haut-parleurs</translation>
    </message>
    <message>
        <source>I &amp;heard it</source>
        <translation>Je l&apos;ai &amp;entendu</translation>
    </message>
    <message>
        <source>The tone was heard</source>
        <translation>Le bip a été entendu</translation>
    </message>
    <message>
        <source>The tone was not heard</source>
        <translation>Le bip n&apos;a pas été entendu</translation>
    </message>
    <message>
        <source>4. E&amp;cho test (hybrid room)</source>
        <translation>4. Test d&apos;é&amp;cho (salle hybride)</translation>
    </message>
    <message>
        <source>Test whether the microphone hears the speakers</source>
        <translation>Vérifier si le micro entend les haut-parleurs</translation>
    </message>
    <message>
        <source>1. Measure the s&amp;ilence</source>
        <translation>1. Mesurer le &amp;silence</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <source>I did n&amp;ot hear it</source>
        <translation>Je ne l&apos;ai pas entend&amp;u</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>A&amp;nnuler</translation>
    </message>
    <message>
        <source>Cancel the measurement</source>
        <translation>Annuler la mesure</translation>
    </message>
    <message>
        <source>Choose the devices, then run the steps in order.</source>
        <translation>Choisissez les appareils, puis suivez les étapes dans l&apos;ordre.</translation>
    </message>
    <message>
        <source>Check status</source>
        <translation>État de la vérification</translation>
    </message>
    <message>
        <source>Ask the room to stay silent for a few seconds.</source>
        <translation>Demandez à la salle de rester silencieuse quelques secondes.</translation>
    </message>
    <message>
        <source>Plays a short sweep and listens for it in the microphone.</source>
        <translation>Joue un court son de test et vérifie si le micro l&apos;entend.</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Sound check</source>
        <translation>Vérification du son</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Critère</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>Conseil</translation>
    </message>
    <message>
        <source>Check results</source>
        <translation>Résultats de la vérification</translation>
    </message>
    <message>
        <source>Echo figures</source>
        <translation>Mesures de l&apos;écho</translation>
    </message>
    <message>
        <source>S&amp;ave the result</source>
        <translation>En&amp;registrer le résultat</translation>
    </message>
    <message>
        <source>Save the result</source>
        <translation>Enregistrer le résultat</translation>
    </message>
    <message>
        <source>Overall:</source>
        <translation>Bilan :</translation>
    </message>
    <message>
        <source>Not started from a session: before the result is saved, you will be asked which session it is for.</source>
        <translation>Vérification lancée hors séance&#xa0;: avant d’enregistrer le résultat, Régie vous demandera à quelle séance il se rapporte.</translation>
    </message>
    <message>
        <source>For the session “{title}”, {when}</source>
        <translation>Pour la séance « {title} », {when}</translation>
    </message>
    <message>
        <source>Check for session #{id}.</source>
        <translation>Vérification pour la séance n° {id}.</translation>
    </message>
    <message>
        <source>No microphone found: plug one in, then press “Refresh list”.</source>
        <translation>Aucun micro trouvé : branchez-en un, puis cliquez sur « Actualiser la liste ».</translation>
    </message>
    <message>
        <source>No speakers found: plug them in, then press “Refresh list”.</source>
        <translation>Aucun haut-parleur trouvé : branchez-les, puis cliquez sur « Actualiser la liste ».</translation>
    </message>
    <message>
        <source>Peak {peak} dBFS · RMS {rms} dBFS · {band}</source>
        <translation>Crête {peak} dBFS · RMS {rms} dBFS · {band}</translation>
    </message>
    <message>
        <source>Measuring the silence… please stay quiet.</source>
        <translation>Mesure du silence… merci de ne pas parler.</translation>
    </message>
    <message>
        <source>Recording… read the sentence aloud now.</source>
        <translation>Enregistrement… lisez la phrase à voix haute maintenant.</translation>
    </message>
    <message>
        <source>Playing a tone on the speakers… listen.</source>
        <translation>Bip en cours sur les haut-parleurs… écoutez.</translation>
    </message>
    <message>
        <source>Playing a sweep and listening with the microphone…</source>
        <translation>Son de test en cours, écoute par le micro…</translation>
    </message>
    <message>
        <source>Step done. Continue with the next one, or save.</source>
        <translation>Étape terminée. Passez à la suivante ou enregistrez.</translation>
    </message>
    <message>
        <source>Did you hear the tone in the room?</source>
        <translation>Avez-vous entendu le bip dans la salle ?</translation>
    </message>
    <message>
        <source>The microphone hears the speakers after {delay} ms, at {level} dB of what was played ({received} dBFS received).</source>
        <translation>Le micro entend les haut-parleurs après {delay} ms, à {level} dB du son joué ({received} dBFS reçus).</translation>
    </message>
    <message>
        <source>The microphone did not hear the test sweep.</source>
        <translation>Le micro n&apos;a pas entendu le son de test.</translation>
    </message>
    <message>
        <source>{name} ({api})</source>
        <translation>{name} ({api})</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>live</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>silent</source>
        <translation>muet</translation>
    </message>
    <message>
        <source>frozen</source>
        <translation>figé</translation>
    </message>
    <message>
        <source>Choose which session this check was for.</source>
        <translation>Choisissez la séance concernée par cette vérification.</translation>
    </message>
    <message>
        <source>Result not saved. Press “Save the result” to choose its session.</source>
        <translation>Résultat non enregistré. Cliquez sur «&#xa0;Enregistrer le résultat&#xa0;» pour choisir sa séance.</translation>
    </message>
    <message>
        <source>Result saved.</source>
        <translation>Résultat enregistré.</translation>
    </message>
    <message>
        <source>The check failed unexpectedly: {error}</source>
        <translation>La vérification a échoué de façon inattendue : {error}</translation>
    </message>
    <message>
        <source>The step could not run.</source>
        <translation>L&apos;étape n&apos;a pas pu se dérouler.</translation>
    </message>
</context>
<context>
    <name>CameraCheckArea</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>{pct} % ({level}/255)</source>
        <translation>{pct}&#xa0;% ({level}/255)</translation>
    </message>
    <message>
        <source>Camera check</source>
        <translation>Vérification de la caméra</translation>
    </message>
    <message>
        <source>&amp;Camera:</source>
        <translation>&amp;Caméra :</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>&amp;Refresh list</source>
        <translation>Actualiser la &amp;liste</translation>
    </message>
    <message>
        <source>Refresh the list of cameras</source>
        <translation>Actualiser la liste des caméras</translation>
    </message>
    <message>
        <source>&amp;Start check</source>
        <translation>&amp;Lancer la vérification</translation>
    </message>
    <message>
        <source>Start the camera check</source>
        <translation>Lancer la vérification de la caméra</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>Arrê&amp;ter</translation>
    </message>
    <message>
        <source>Stop the camera check</source>
        <translation>Arrêter la vérification de la caméra</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <source>The preview appears here once the check starts.</source>
        <translation>L&apos;aperçu s&apos;affiche ici dès le début de la vérification.</translation>
    </message>
    <message>
        <source>Camera preview</source>
        <translation>Aperçu de la caméra</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Résolution</translation>
    </message>
    <message>
        <source>Check progress</source>
        <translation>Progression de la vérification</translation>
    </message>
    <message>
        <source>Verdicts</source>
        <translation>Verdicts</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>Bilan</translation>
    </message>
    <message>
        <source>Save &amp;again</source>
        <translation>&amp;Enregistrer à nouveau</translation>
    </message>
    <message>
        <source>Save the current verdicts again</source>
        <translation>Enregistrer à nouveau les verdicts actuels</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Looking for cameras…</source>
        <translation>Recherche des caméras…</translation>
    </message>
    <message>
        <source>No camera found. Plug the camera in (wait a few seconds), then click Refresh list.</source>
        <translation>Aucune caméra trouvée. Branchez la caméra (attendez quelques secondes), puis cliquez sur Actualiser la liste.</translation>
    </message>
    <message>
        <source>Simulated camera ({name})</source>
        <translation>Caméra simulée ({name})</translation>
    </message>
    <message>
        <source>Not started from a session: before the result is saved, you will be asked which session it is for.</source>
        <translation>Vérification lancée hors séance&#xa0;: avant d’enregistrer le résultat, Régie vous demandera à quelle séance il se rapporte.</translation>
    </message>
    <message>
        <source>For the session “{title}”, {when}</source>
        <translation>Pour la séance « {title} », {when}</translation>
    </message>
    <message>
        <source>Opening the camera…</source>
        <translation>Ouverture de la caméra…</translation>
    </message>
    <message>
        <source>Check stopped.</source>
        <translation>Vérification arrêtée.</translation>
    </message>
    <message>
        <source>Checking… keep still and look at the camera.</source>
        <translation>Vérification en cours… restez immobile et regardez la caméra.</translation>
    </message>
    <message>
        <source>Requested {rw}×{rh}, received {nw}×{nh}</source>
        <translation>Demandé : {rw}×{rh}, obtenu : {nw}×{nh}</translation>
    </message>
    <message>
        <source>The camera is ready.</source>
        <translation>La caméra est prête.</translation>
    </message>
    <message>
        <source>Choose which session this check was for.</source>
        <translation>Choisissez la séance concernée par cette vérification.</translation>
    </message>
    <message>
        <source>{n} % of pictures</source>
        <translation>{n}&#xa0;% des images</translation>
    </message>
    <message>
        <source>{n} grey levels</source>
        <translation>{n} niveaux de gris</translation>
    </message>
    <message>
        <source>{n} grey levels of change</source>
        <translation>{n} niveaux de gris d’écart</translation>
    </message>
    <message>
        <source>sharpness index {n}</source>
        <translation>indice de netteté {n}</translation>
    </message>
    <message>
        <source>{n} Lab units from neutral</source>
        <translation>{n} unités Lab du neutre</translation>
    </message>
    <message>
        <source>{n} frames/s</source>
        <translation>{n}&#xa0;i/s</translation>
    </message>
    <message>
        <source>{n} % of pictures lost</source>
        <translation>{n}&#xa0;% d’images perdues</translation>
    </message>
    <message>
        <source>{n} % off-centre</source>
        <translation>{n}&#xa0;% hors centre</translation>
    </message>
    <message>
        <source>Result not saved. Press Save again to choose its session.</source>
        <translation>Résultat non enregistré. Cliquez sur «&#xa0;Enregistrer à nouveau&#xa0;» pour choisir sa séance.</translation>
    </message>
    <message>
        <source>Result saved.</source>
        <translation>Résultat enregistré.</translation>
    </message>
    <message>
        <source>Result saved for the session.</source>
        <translation>Résultat enregistré pour la séance.</translation>
    </message>
    <message>
        <source>The camera check stopped unexpectedly ({detail}). Start it again; if it happens again, restart Régie.</source>
        <translation>La vérification de la caméra s&apos;est arrêtée de façon inattendue ({detail}). Relancez-la ; si cela se reproduit, redémarrez Régie.</translation>
    </message>
</context>
<context>
    <name>ChecklistsArea</name>
    <message>
        <source>✔ Done (automatic check)</source>
        <translation>✔ Fait (vérification automatique)</translation>
    </message>
    <message>
        <source>✔ Done</source>
        <translation>✔ Fait</translation>
    </message>
    <message>
        <source>⤼ Skipped: {reason}</source>
        <translation>⤼ Passée : {reason}</translation>
    </message>
    <message>
        <source>○ To do</source>
        <translation>○ À faire</translation>
    </message>
    <message>
        <source>Checklists and training records</source>
        <translation>Listes de contrôle et suivi des formations</translation>
    </message>
    <message>
        <source>&amp;Checklists</source>
        <translation>&amp;Listes de contrôle</translation>
    </message>
    <message>
        <source>&amp;Training records</source>
        <translation>&amp;Suivi des formations</translation>
    </message>
    <message>
        <source>⚠ Working without the network database: runs started or continued here are kept on this computer and sent when it answers again. Runs saved on the server show again then.</source>
        <translation>⚠ Travail sans la base de données du réseau : les listes commencées ou poursuivies ici sont gardées sur cet ordinateur et envoyées dès que le serveur répond à nouveau. Les listes enregistrées sur le serveur réapparaîtront à ce moment-là.</translation>
    </message>
    <message>
        <source>Working without the server</source>
        <translation>Travail sans le serveur</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>Dernier résultat</translation>
    </message>
    <message>
        <source>Start a checklist</source>
        <translation>Commencer une liste de contrôle</translation>
    </message>
    <message>
        <source>For a s&amp;ession</source>
        <translation>Pour une s&amp;éance</translation>
    </message>
    <message>
        <source>&amp;Practice (training, no session)</source>
        <translation>&amp;Entraînement (formation, sans séance)</translation>
    </message>
    <message>
        <source>Run for a session</source>
        <translation>Liste pour une séance</translation>
    </message>
    <message>
        <source>Practice run</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <source>Sess&amp;ion:</source>
        <translation>Séa&amp;nce :</translation>
    </message>
    <message>
        <source>Session mode to practise</source>
        <translation>Type de séance pour s’entraîner</translation>
    </message>
    <message>
        <source>Mo&amp;de:</source>
        <translation>Mo&amp;de :</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Liste de contrôle</translation>
    </message>
    <message>
        <source>Check&amp;list:</source>
        <translation>Lis&amp;te&#xa0;:</translation>
    </message>
    <message>
        <source>How to run it</source>
        <translation>Façon de la dérouler</translation>
    </message>
    <message>
        <source>&amp;How:</source>
        <translation>Co&amp;mment&#xa0;:</translation>
    </message>
    <message>
        <source>Who runs the checklist</source>
        <translation>Qui déroule la liste</translation>
    </message>
    <message>
        <source>(choose at sign-off)</source>
        <translation>(à choisir à la validation)</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>&amp;Qui :</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Commencer</translation>
    </message>
    <message>
        <source>Start the checklist</source>
        <translation>Commencer la liste de contrôle</translation>
    </message>
    <message>
        <source>Unfinished runs</source>
        <translation>Listes en cours</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>Resume the selected run</source>
        <translation>Reprendre la liste sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Abandon</source>
        <translation>&amp;Abandonner</translation>
    </message>
    <message>
        <source>Abandon the selected run</source>
        <translation>Abandonner la liste sélectionnée</translation>
    </message>
    <message>
        <source>Files with problems (not loaded)</source>
        <translation>Fichiers avec des erreurs (non chargés)</translation>
    </message>
    <message>
        <source>Checklist files with problems</source>
        <translation>Fichiers de listes avec des erreurs</translation>
    </message>
    <message>
        <source>Re&amp;load files</source>
        <translation>Re&amp;lire les fichiers</translation>
    </message>
    <message>
        <source>Read the checklist files again</source>
        <translation>Relire les fichiers des listes et des tutoriels</translation>
    </message>
    <message>
        <source>practice</source>
        <translation>entraînement</translation>
    </message>
    <message>
        <source>{title} — {where} — {who} — {done}/{total}</source>
        <translation>{title} — {where} — {who} — {done}/{total}</translation>
    </message>
    <message>
        <source>(on this computer, not yet sent)</source>
        <translation>(sur cet ordinateur, pas encore envoyée)</translation>
    </message>
    <message>
        <source>Steps done</source>
        <translation>Étapes faites</translation>
    </message>
    <message>
        <source>Tutorial</source>
        <translation>Tutoriel</translation>
    </message>
    <message>
        <source>Note for this step (optional)</source>
        <translation>Remarque sur cette étape (facultatif)</translation>
    </message>
    <message>
        <source>Note for this step</source>
        <translation>Remarque sur cette étape</translation>
    </message>
    <message>
        <source>← &amp;Back</source>
        <translation>← &amp;Précédente</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Étape précédente</translation>
    </message>
    <message>
        <source>&amp;Done, next →</source>
        <translation>&amp;Fait, suivante →</translation>
    </message>
    <message>
        <source>Mark done and go to the next step</source>
        <translation>Marquer comme fait et passer à l’étape suivante</translation>
    </message>
    <message>
        <source>&amp;Close (progress is saved)</source>
        <translation>&amp;Fermer (la progression est enregistrée)</translation>
    </message>
    <message>
        <source>Close the run; it can be resumed</source>
        <translation>Fermer la liste ; vous pourrez la reprendre</translation>
    </message>
    <message>
        <source>%v of %m steps</source>
        <translation>Étapes&#xa0;: %v sur %m</translation>
    </message>
    <message>
        <source>Step {n} of {total} · {pause}</source>
        <translation>Étape {n} sur {total} · {pause}</translation>
    </message>
    <message>
        <source>Why: {why}</source>
        <translation>Pourquoi : {why}</translation>
    </message>
    <message>
        <source>Ticks itself when this passes: {check}</source>
        <translation>Se coche toute seule quand ceci est OK : {check}</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Fait</translation>
    </message>
    <message>
        <source>Ticked by an automatic check: cannot be unticked by hand.</source>
        <translation>Cochée par une vérification automatique&#xa0;: ne peut pas être décochée à la main.</translation>
    </message>
    <message>
        <source>Checklist steps</source>
        <translation>Étapes de la liste</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Note for the selected step (optional)</source>
        <translation>Remarque sur l’étape sélectionnée (facultatif)</translation>
    </message>
    <message>
        <source>Note for the selected step</source>
        <translation>Remarque sur l’étape sélectionnée</translation>
    </message>
    <message>
        <source>Check a&amp;gain</source>
        <translation>&amp;Revérifier</translation>
    </message>
    <message>
        <source>Tick the steps the automatic checks confirm</source>
        <translation>Cocher les étapes confirmées par les vérifications automatiques</translation>
    </message>
    <message>
        <source>**Why:** {why}</source>
        <translation>**Pourquoi :** {why}</translation>
    </message>
    <message>
        <source>✔ “{title}” is signed off and saved.</source>
        <translation>✔ « {title} » est validée et enregistrée.</translation>
    </message>
    <message>
        <source>This run is saved on the network database, which cannot be reached now: it can be resumed when the server answers again. Runs started here meanwhile are kept on this computer.</source>
        <translation>Cette liste est enregistrée sur la base de données du réseau, injoignable pour le moment : vous pourrez la reprendre dès que le serveur répondra. En attendant, les listes commencées ici sont gardées sur cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>See “{prog} --help”.</source>
        <translation>Voir «&#xa0;{prog} --help&#xa0;».</translation>
    </message>
    <message>
        <source>VERB</source>
        <translation>VERBE</translation>
    </message>
    <message>
        <source>Régie: prepare, launch and report on the library&apos;s remote sessions. Without a verb, opens the window.</source>
        <translation>Régie&#xa0;: préparer, lancer et faire le bilan des séances à distance de la bibliothèque. Sans verbe, ouvre la fenêtre.</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>afficher la version du programme et quitter</translation>
    </message>
    <message>
        <source>database: a file path, sqlite:///path or postgresql+psycopg://… (default: REGIE_DB, then the data folder)</source>
        <translation>base de données&#xa0;: un chemin de fichier, sqlite:///chemin ou postgresql+psycopg://… (par défaut&#xa0;: REGIE_DB, puis le dossier des données)</translation>
    </message>
    <message>
        <source>interface language</source>
        <translation>langue de l’interface</translation>
    </message>
    <message>
        <source>use a video or image file as the camera (training, demos)</source>
        <translation>utiliser un fichier vidéo ou image comme caméra (formation, démonstrations)</translation>
    </message>
    <message>
        <source>use a WAV file as the microphone (training, demos)</source>
        <translation>utiliser un fichier WAV comme micro (formation, démonstrations)</translation>
    </message>
    <message>
        <source>act as if it were this date and time (ISO 8601), e.g. to rehearse a day or reproduce what a colleague saw</source>
        <translation>faire comme s’il était cette date et cette heure (ISO 8601), par exemple pour répéter une journée ou retrouver ce qu’a vu un ou une collègue</translation>
    </message>
    <message>
        <source>report errors on stderr, never in a dialog (scripts, tests)</source>
        <translation>signaler les erreurs sur la sortie d’erreur, jamais dans une fenêtre (scripts, tests)</translation>
    </message>
    <message>
        <source>start the window, print the seconds to idle, quit</source>
        <translation>ouvrir la fenêtre, afficher les secondes jusqu’au repos, quitter</translation>
    </message>
    <message>
        <source>check this installation (Qt, translations, resources, database, keyring, PortAudio, OpenCV), print a JSON report; exit 1 if something is broken</source>
        <translation>vérifier cette installation (Qt, traductions, ressources, base de données, trousseau, PortAudio, OpenCV), afficher un rapport JSON&#xa0;; code de sortie 1 si quelque chose ne va pas</translation>
    </message>
    <message>
        <source>the argument “{arg}” holds bytes that are not UTF-8 text; type it again in UTF-8, or rename the file it names</source>
        <translation>l’argument «&#xa0;{arg}&#xa0;» contient des octets qui ne sont pas du texte UTF-8&#xa0;; saisissez-le de nouveau en UTF-8, ou renommez le fichier qu’il désigne</translation>
    </message>
    <message>
        <source>not a number: {text} (expected the number “regie sessions list” shows)</source>
        <translation>ce n’est pas un numéro&#xa0;: {text} (attendu&#xa0;: le numéro qu’affiche «&#xa0;regie sessions list&#xa0;»)</translation>
    </message>
    <message>
        <source>no record has the number {value} (numbers go from 1 to {max})</source>
        <translation>aucun enregistrement ne porte le numéro {value} (les numéros vont de 1 à {max})</translation>
    </message>
    <message>
        <source>not a date: {text} (expected YYYY-MM-DD)</source>
        <translation>ce n’est pas une date&#xa0;: {text} (attendu&#xa0;: AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>not a date and time: {text} (expected e.g. 2027-03-02T10:00)</source>
        <translation>ce n’est pas une date et une heure&#xa0;: {text} (attendu par exemple&#xa0;: 2027-03-02T10:00)</translation>
    </message>
    <message>
        <source>name a verb; see “regie --help”.</source>
        <translation>indiquez un verbe&#xa0;; voir «&#xa0;regie --help&#xa0;».</translation>
    </message>
    <message>
        <source>the database server cannot be reached, so session {id} cannot be checked now; the result will be kept on this computer.</source>
        <translation>le serveur de base de données est injoignable, la séance {id} ne peut donc pas être vérifiée maintenant&#xa0;; le résultat sera gardé sur cet ordinateur.</translation>
    </message>
    <message>
        <source>sent %n change(s) kept on this computer while the server could not be reached.</source>
        <translation>%n modification gardée sur cet ordinateur pendant que le serveur était injoignable a été envoyée. | %n modifications gardées sur cet ordinateur pendant que le serveur était injoignable ont été envoyées.</translation>
    </message>
    <message>
        <source>Kept on this computer: %n waiting to be sent when the server answers.</source>
        <translation>Gardé sur cet ordinateur&#xa0;: %n en attente d’envoi quand le serveur répondra. | Gardé sur cet ordinateur&#xa0;: %n en attente d’envoi quand le serveur répondra.</translation>
    </message>
    <message>
        <source>the database server cannot be reached.</source>
        <translation>le serveur de base de données est injoignable.</translation>
    </message>
    <message>
        <source>Saved as check {id}.</source>
        <translation>Enregistré comme vérification {id}.</translation>
    </message>
    <message>
        <source>This device is not in the inventory: add it with “regie devices add --kind KIND --label LABEL --match-key {key}”.</source>
        <translation>Cet appareil n’est pas dans l’inventaire&#xa0;: ajoutez-le avec «&#xa0;regie devices add --kind TYPE --label NOM --match-key {key}&#xa0;».</translation>
    </message>
    <message>
        <source>record who came to a session</source>
        <translation>noter qui est venu à une séance</translation>
    </message>
    <message>
        <source>machine-readable output</source>
        <translation>sortie lisible par une machine</translation>
    </message>
    <message>
        <source>the session&apos;s number (see “regie sessions list”)</source>
        <translation>le numéro de la séance (voir «&#xa0;regie sessions list&#xa0;»)</translation>
    </message>
    <message>
        <source>read and count, save nothing</source>
        <translation>lire et compter, sans rien enregistrer</translation>
    </message>
    <message>
        <source>a session&apos;s counts and derived figures</source>
        <translation>les effectifs d’une séance et les chiffres qui en découlent</translation>
    </message>
    <message>
        <source>type counts (those not given keep their value)</source>
        <translation>saisir des effectifs (ceux qui ne sont pas donnés gardent leur valeur)</translation>
    </message>
    <message>
        <source>people registered</source>
        <translation>personnes inscrites</translation>
    </message>
    <message>
        <source>people connected remotely</source>
        <translation>personnes connectées à distance</translation>
    </message>
    <message>
        <source>on-site head count (hybrid)</source>
        <translation>personnes présentes sur place (hybride)</translation>
    </message>
    <message>
        <source>import Zoom&apos;s participant report (CSV)</source>
        <translation>importer le rapport des participants de Zoom (CSV)</translation>
    </message>
    <message>
        <source>the CSV file</source>
        <translation>le fichier CSV</translation>
    </message>
    <message>
        <source>import the registration list (CSV)</source>
        <translation>importer la liste des inscriptions (CSV)</translation>
    </message>
    <message>
        <source>forget imported names and e-mails older than the retention period</source>
        <translation>effacer les noms et adresses e-mail importés plus anciens que la durée de conservation</translation>
    </message>
    <message>
        <source>not a number of people: {text}</source>
        <translation>ce n’est pas un nombre de personnes&#xa0;: {text}</translation>
    </message>
    <message>
        <source>the database server cannot be reached; the counts are queued on this computer (%n waiting) and will be sent when it answers.</source>
        <translation>le serveur de base de données est injoignable&#xa0;; les effectifs sont gardés sur cet ordinateur (%n en attente) et seront envoyés quand il répondra. | le serveur de base de données est injoignable&#xa0;; les effectifs sont gardés sur cet ordinateur (%n en attente) et seront envoyés quand il répondra.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>session</source>
        <translation>séance</translation>
    </message>
    <message>
        <source>capacity</source>
        <translation>jauge</translation>
    </message>
    <message>
        <source>registered</source>
        <translation>inscrits</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connectés</translation>
    </message>
    <message>
        <source>on site</source>
        <translation>sur place</translation>
    </message>
    <message>
        <source>attended</source>
        <translation>présents</translation>
    </message>
    <message>
        <source>no show rate</source>
        <translation>taux d’absence</translation>
    </message>
    <message>
        <source>fill rate</source>
        <translation>taux de remplissage</translation>
    </message>
    <message>
        <source>peak concurrent</source>
        <translation>pic simultané</translation>
    </message>
    <message>
        <source>median minutes</source>
        <translation>minutes (médiane)</translation>
    </message>
    <message>
        <source>registered source</source>
        <translation>source des inscrits</translation>
    </message>
    <message>
        <source>connected source</source>
        <translation>source des connectés</translation>
    </message>
    <message>
        <source>people kept</source>
        <translation>personnes gardées</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>file d’attente</translation>
    </message>
    <message>
        <source>dry run</source>
        <translation>essai à blanc</translation>
    </message>
    <message>
        <source>unique attendees</source>
        <translation>participants distincts</translation>
    </message>
    <message>
        <source>rows read</source>
        <translation>lignes lues</translation>
    </message>
    <message>
        <source>merged reconnections</source>
        <translation>reconnexions fusionnées</translation>
    </message>
    <message>
        <source>skipped rows</source>
        <translation>lignes ignorées</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>ignorées</translation>
    </message>
    <message>
        <source>meeting</source>
        <translation>réunion</translation>
    </message>
    <message>
        <source>duplicates</source>
        <translation>doublons</translation>
    </message>
    <message>
        <source>retention months</source>
        <translation>mois de conservation</translation>
    </message>
    <message>
        <source>cutoff</source>
        <translation>date limite</translation>
    </message>
    <message>
        <source>people removed</source>
        <translation>personnes effacées</translation>
    </message>
    <message>
        <source>Stay silent for {seconds} s: measuring the room noise…</source>
        <translation>Restez silencieux pendant {seconds}&#xa0;s&#xa0;: mesure du bruit de la salle…</translation>
    </message>
    <message>
        <source>Read aloud for {seconds} s: “{sentence}”</source>
        <translation>Lisez à voix haute pendant {seconds}&#xa0;s&#xa0;: «&#xa0;{sentence}&#xa0;»</translation>
    </message>
    <message>
        <source>Playing a tone on the speakers…</source>
        <translation>Son d’essai sur les haut-parleurs…</translation>
    </message>
    <message>
        <source>Playing a sweep on the speakers and listening with the microphone…</source>
        <translation>Balayage de fréquences sur les haut-parleurs, écoute avec le micro…</translation>
    </message>
    <message>
        <source>check a device before a session</source>
        <translation>vérifier un appareil avant une séance</translation>
    </message>
    <message>
        <source>check the microphone and speakers (levels, noise, echo)</source>
        <translation>vérifier le micro et les haut-parleurs (niveaux, bruit, écho)</translation>
    </message>
    <message>
        <source>Measure the room noise, the voice level, play a tone on the speakers and test whether the microphone hears them (echo risk in hybrid rooms). The result is saved against the device. A failed check still exits 0.</source>
        <translation>Mesure le bruit de la salle et le niveau de la voix, joue un son sur les haut-parleurs et vérifie si le micro les entend (risque d’écho dans les salles hybrides). Le résultat est enregistré pour l’appareil. Une vérification en échec sort quand même avec le code 0.</translation>
    </message>
    <message>
        <source>microphone: number or part of the name (default: the system&apos;s)</source>
        <translation>micro&#xa0;: numéro ou partie du nom (par défaut&#xa0;: celui du système)</translation>
    </message>
    <message>
        <source>speakers: number or part of the name (default: the system&apos;s)</source>
        <translation>haut-parleurs&#xa0;: numéro ou partie du nom (par défaut&#xa0;: ceux du système)</translation>
    </message>
    <message>
        <source>steps to run, comma-separated among noise, speech, speaker, echo (default: all)</source>
        <translation>étapes à faire, séparées par des virgules, parmi noise (bruit), speech (voix), speaker (haut-parleurs), echo (écho) (par défaut&#xa0;: toutes)</translation>
    </message>
    <message>
        <source>seconds recorded for the noise and speech steps</source>
        <translation>secondes enregistrées pour les étapes de bruit et de voix</translation>
    </message>
    <message>
        <source>save the result for this session</source>
        <translation>enregistrer le résultat pour cette séance</translation>
    </message>
    <message>
        <source>file the result under this inventory device (“regie devices list”)</source>
        <translation>classer le résultat sous cet appareil de l’inventaire («&#xa0;regie devices list&#xa0;»)</translation>
    </message>
    <message>
        <source>list the sound devices and stop</source>
        <translation>lister les appareils audio et s’arrêter</translation>
    </message>
    <message>
        <source>do not save the result</source>
        <translation>ne pas enregistrer le résultat</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>afficher du JSON</translation>
    </message>
    <message>
        <source>unknown step {steps}; choose among {known}</source>
        <translation>étape inconnue {steps}&#xa0;; choisissez parmi {known}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>“{text}” is not a number of seconds</source>
        <translation>«&#xa0;{text}&#xa0;» n’est pas un nombre de secondes</translation>
    </message>
    <message>
        <source>give between {low} and {high} seconds</source>
        <translation>indiquez entre {low} et {high} secondes</translation>
    </message>
    <message>
        <source>echo delay {delay} ms, level {level} dB, received {received} dBFS</source>
        <translation>écho avec un retard de {delay}&#xa0;ms, niveau {level}&#xa0;dB, reçu à {received}&#xa0;dBFS</translation>
    </message>
    <message>
        <source>Microphones:</source>
        <translation>Micros&#xa0;:</translation>
    </message>
    <message>
        <source>Speakers:</source>
        <translation>Haut-parleurs&#xa0;:</translation>
    </message>
    <message>
        <source>check a camera or a microphone before a session</source>
        <translation>vérifier une caméra ou un micro avant une séance</translation>
    </message>
    <message>
        <source>check a camera: exposure, sharpness, face framing, frame rate…</source>
        <translation>vérifier une caméra&#xa0;: exposition, netteté, cadrage du visage, fréquence d’images…</translation>
    </message>
    <message>
        <source>Check a camera (or a video/image file standing in for one) and print a verdict per criterion. Without --source, uses the --simulate-camera file if given, else camera 0. A file given with --source is analysed as fast as it decodes; the --simulate-camera file is played in real time, like a camera.</source>
        <translation>Vérifie une caméra (ou un fichier vidéo ou image qui en tient lieu) et affiche un verdict par critère. Sans --source, utilise le fichier de --simulate-camera s’il est donné, sinon la caméra 0. Un fichier donné avec --source est analysé aussi vite qu’il se décode&#xa0;; le fichier de --simulate-camera est lu en temps réel, comme une caméra.</translation>
    </message>
    <message>
        <source>camera index (0, 1…) or a video/image file</source>
        <translation>numéro de caméra (0, 1…) ou fichier vidéo ou image</translation>
    </message>
    <message>
        <source>seconds of picture to judge (default: from the thresholds file)</source>
        <translation>secondes d’image à juger (par défaut&#xa0;: selon le fichier des seuils)</translation>
    </message>
    <message>
        <source>save the result against this session (its readiness)</source>
        <translation>enregistrer le résultat pour cette séance (sa préparation)</translation>
    </message>
    <message>
        <source>save the result in the database (default: yes)</source>
        <translation>enregistrer le résultat dans la base de données (par défaut&#xa0;: oui)</translation>
    </message>
    <message>
        <source>list the cameras and exit</source>
        <translation>lister les caméras et quitter</translation>
    </message>
    <message>
        <source>not a number of seconds: {text}</source>
        <translation>ce n’est pas un nombre de secondes&#xa0;: {text}</translation>
    </message>
    <message>
        <source>No camera found.</source>
        <translation>Aucune caméra trouvée.</translation>
    </message>
    <message>
        <source>index {n}</source>
        <translation>numéro {n}</translation>
    </message>
    <message>
        <source>requested {requested}, got {negotiated}; %n frames in {seconds} s</source>
        <translation>demandé {requested}, obtenu {negotiated}&#xa0;; %n image en {seconds}&#xa0;s | demandé {requested}, obtenu {negotiated}&#xa0;; %n images en {seconds}&#xa0;s</translation>
    </message>
    <message>
        <source>guided checklists and their tutorials</source>
        <translation>listes de contrôle guidées et leurs tutoriels</translation>
    </message>
    <message>
        <source>list the installed checklists (and the invalid files)</source>
        <translation>lister les listes de contrôle installées (et les fichiers invalides)</translation>
    </message>
    <message>
        <source>check checklist and tutorial files; prints file:line: problem</source>
        <translation>vérifier les fichiers de listes de contrôle et de tutoriels&#xa0;; affiche fichier:ligne: problème</translation>
    </message>
    <message>
        <source>Check every checklist (TOML) and tutorial (Markdown) file. Without PATH: the shipped files and your own folder. With PATH (a file or a folder): those files, checked against the installed tutorials. Exit code 1 when a file has problems.</source>
        <translation>Vérifie chaque fichier de liste de contrôle (TOML) et de tutoriel (Markdown). Sans PATH&#xa0;: les fichiers livrés et votre propre dossier. Avec PATH (un fichier ou un dossier)&#xa0;: ces fichiers, vérifiés avec les tutoriels installés. Code de sortie 1 quand un fichier a des problèmes.</translation>
    </message>
    <message>
        <source>a .toml/.md file or a folder</source>
        <translation>un fichier .toml ou .md, ou un dossier</translation>
    </message>
    <message>
        <source>show one checklist&apos;s steps by pause point</source>
        <translation>afficher les étapes d’une liste de contrôle par point d’arrêt</translation>
    </message>
    <message>
        <source>checklist id (see “regie checklists list”)</source>
        <translation>identifiant de la liste de contrôle (voir «&#xa0;regie checklists list&#xa0;»)</translation>
    </message>
    <message>
        <source>only the steps of this session mode</source>
        <translation>seulement les étapes de ce mode de séance</translation>
    </message>
    <message>
        <source>training records of guided checklist runs</source>
        <translation>suivi de formation des passages guidés des listes de contrôle</translation>
    </message>
    <message>
        <source>who ran which checklist in guided mode, and when</source>
        <translation>qui a suivi quelle liste de contrôle en mode guidé, et quand</translation>
    </message>
    <message>
        <source>print CSV (for a spreadsheet)</source>
        <translation>afficher du CSV (pour un tableur)</translation>
    </message>
    <message>
        <source>only this staff member</source>
        <translation>seulement cette personne du personnel</translation>
    </message>
    <message>
        <source>INVALID {path} (%n problem(s); see “regie checklists validate”)</source>
        <translation>INVALIDE {path} (%n problème&#xa0;; voir «&#xa0;regie checklists validate&#xa0;») | INVALIDE {path} (%n problèmes&#xa0;; voir «&#xa0;regie checklists validate&#xa0;»)</translation>
    </message>
    <message>
        <source>%n file(s) checked, {bad} with problems.</source>
        <translation>%n fichier vérifié, {bad} avec des problèmes. | %n fichiers vérifiés, {bad} avec des problèmes.</translation>
    </message>
    <message>
        <source>{title} ({id}, version {version})</source>
        <translation>{title} ({id}, version {version})</translation>
    </message>
    <message>
        <source>types: {types} · modes: {modes}</source>
        <translation>types&#xa0;: {types} · modes&#xa0;: {modes}</translation>
    </message>
    <message>
        <source>auto: {check}</source>
        <translation>automatique&#xa0;: {check}</translation>
    </message>
    <message>
        <source>{mode} only</source>
        <translation>{mode} seulement</translation>
    </message>
    <message>
        <source>why: {why}</source>
        <translation>pourquoi&#xa0;: {why}</translation>
    </message>
    <message>
        <source>see: {tutorial}</source>
        <translation>voir&#xa0;: {tutorial}</translation>
    </message>
    <message>
        <source>practice</source>
        <translation>entraînement</translation>
    </message>
    <message>
        <source>No training record yet: guided runs appear here once signed off.</source>
        <translation>Aucun suivi de formation pour l’instant&#xa0;: les passages guidés apparaissent ici une fois validés.</translation>
    </message>
    <message>
        <source>database upgrades and backups</source>
        <translation>mises à jour et sauvegardes de la base de données</translation>
    </message>
    <message>
        <source>apply pending migrations (after a backup)</source>
        <translation>appliquer les migrations en attente (après une sauvegarde)</translation>
    </message>
    <message>
        <source>write a consistent copy of the database to PATH</source>
        <translation>écrire une copie cohérente de la base de données dans PATH</translation>
    </message>
    <message>
        <source>the copy&apos;s file</source>
        <translation>le fichier de la copie</translation>
    </message>
    <message>
        <source>where the database is and its schema revision</source>
        <translation>où se trouve la base de données et la révision de son schéma</translation>
    </message>
    <message>
        <source>copy this local database into an empty network database at URL</source>
        <translation>copier cette base locale dans une base réseau vide à l’URL donnée</translation>
    </message>
    <message>
        <source>postgresql://user@host/database (password from the keyring)</source>
        <translation>postgresql://utilisateur@serveur/base (mot de passe tiré du trousseau)</translation>
    </message>
    <message>
        <source>store the network server&apos;s password (read from stdin) in the keyring</source>
        <translation>ranger dans le trousseau le mot de passe du serveur réseau (lu sur l’entrée standard)</translation>
    </message>
    <message>
        <source>postgresql://user@host/database</source>
        <translation>postgresql://utilisateur@serveur/base</translation>
    </message>
    <message>
        <source>Upgraded {name} from {before} to {after}.</source>
        <translation>{name} mise à jour de {before} à {after}.</translation>
    </message>
    <message>
        <source>Backup before upgrading: {path}</source>
        <translation>Sauvegarde avant la mise à jour&#xa0;: {path}</translation>
    </message>
    <message>
        <source>{name} is up to date ({revision}).</source>
        <translation>{name} est à jour ({revision}).</translation>
    </message>
    <message>
        <source>database</source>
        <translation>base</translation>
    </message>
    <message>
        <source>engine</source>
        <translation>moteur</translation>
    </message>
    <message>
        <source>revision</source>
        <translation>révision</translation>
    </message>
    <message>
        <source>head</source>
        <translation>dernière</translation>
    </message>
    <message>
        <source>online</source>
        <translation>en ligne</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refusés</translation>
    </message>
    <message>
        <source>Copied {source} into {target}:</source>
        <translation>{source} copiée dans {target}&#xa0;:</translation>
    </message>
    <message>
        <source>Start Régie with --db {url} (or set REGIE_DB).</source>
        <translation>Lancez Régie avec --db {url} (ou définissez REGIE_DB).</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>Mot de passe&#xa0;: </translation>
    </message>
    <message>
        <source>The password for {url} is in the keyring.</source>
        <translation>Le mot de passe de {url} est dans le trousseau.</translation>
    </message>
    <message>
        <source>fill an empty database with a demo library network</source>
        <translation>remplir une base vide avec un réseau de bibliothèques de démonstration</translation>
    </message>
    <message>
        <source>Creates ten branches, their staff, four shared Zoom licences, a term of about 250 sessions (November to March), the attendance of the sessions already held and the registrations (with waiting lists) of the coming ones, in an empty database.</source>
        <translation>Crée dix bibliothèques, leur personnel, quatre licences Zoom partagées, une saison d’environ 250 séances (novembre à mars), la fréquentation des séances déjà tenues et les inscriptions (avec listes d’attente) des séances à venir, dans une base de données vide.</translation>
    </message>
    <message>
        <source>pretend today is this day: statuses and attendance follow it (e.g. a date in April gives the term just ended, all held, as in the yearly activity report)</source>
        <translation>faire comme si nous étions ce jour-là&#xa0;: les états et la fréquentation en découlent (par exemple, une date en avril donne la saison tout juste finie, toutes séances tenues, comme dans le bilan annuel d’activité)</translation>
    </message>
    <message>
        <source>Demo network loaded: {branches} branches, {staff} staff, {licences} licences, {sessions} sessions.</source>
        <translation>Réseau de démonstration chargé&#xa0;: {branches} bibliothèques, {staff} personnes, {licences} licences, {sessions} séances.</translation>
    </message>
    <message>
        <source>the equipment inventory: webcams, microphones, speakers and their checks</source>
        <translation>l’inventaire du matériel&#xa0;: webcams, micros, haut-parleurs et leurs vérifications</translation>
    </message>
    <message>
        <source>list the devices, with their flags</source>
        <translation>lister les appareils, avec leurs alertes</translation>
    </message>
    <message>
        <source>only the devices that need attention</source>
        <translation>seulement les appareils qui demandent une intervention</translation>
    </message>
    <message>
        <source>add a device to the inventory; prints its id</source>
        <translation>ajouter un appareil à l’inventaire&#xa0;; affiche son numéro</translation>
    </message>
    <message>
        <source>change a device (only the options given)</source>
        <translation>modifier un appareil (seulement les options données)</translation>
    </message>
    <message>
        <source>mark it broken, or back in service once repaired</source>
        <translation>le déclarer en panne, ou de nouveau en service une fois réparé</translation>
    </message>
    <message>
        <source>lend a device to someone until a day</source>
        <translation>prêter un appareil à quelqu’un jusqu’à une date</translation>
    </message>
    <message>
        <source>who borrows it</source>
        <translation>qui l’emprunte</translation>
    </message>
    <message>
        <source>the day it comes back</source>
        <translation>le jour de son retour</translation>
    </message>
    <message>
        <source>record that a lent device is back</source>
        <translation>enregistrer le retour d’un appareil prêté</translation>
    </message>
    <message>
        <source>take a device out of service for good (its history stays)</source>
        <translation>retirer définitivement un appareil du service (son historique est conservé)</translation>
    </message>
    <message>
        <source>a device&apos;s check results over time, with its flags</source>
        <translation>les résultats de vérification d’un appareil dans le temps, avec ses alertes</translation>
    </message>
    <message>
        <source>two devices side by side on the same criteria</source>
        <translation>deux appareils côte à côte sur les mêmes critères</translation>
    </message>
    <message>
        <source>the first device&apos;s number</source>
        <translation>le numéro du premier appareil</translation>
    </message>
    <message>
        <source>the second device&apos;s number</source>
        <translation>le numéro du second appareil</translation>
    </message>
    <message>
        <source>a device&apos;s test report as a PDF, for the purchase file</source>
        <translation>le rapport de test d’un appareil en PDF, pour le dossier d’achat</translation>
    </message>
    <message>
        <source>write the inventory to a CSV file</source>
        <translation>écrire l’inventaire dans un fichier CSV</translation>
    </message>
    <message>
        <source>read an inventory CSV file: every line, or nothing if one is wrong</source>
        <translation>lire un fichier CSV d’inventaire&#xa0;: toutes les lignes, ou rien si l’une est fausse</translation>
    </message>
    <message>
        <source>what the device is</source>
        <translation>le type d’appareil</translation>
    </message>
    <message>
        <source>the name people know it by</source>
        <translation>le nom sous lequel on le connaît</translation>
    </message>
    <message>
        <source>the maker (Logitech, Jabra…)</source>
        <translation>le fabricant (Logitech, Jabra…)</translation>
    </message>
    <message>
        <source>the model (C920, Speak 510…)</source>
        <translation>le modèle (C920, Speak 510…)</translation>
    </message>
    <message>
        <source>the serial number (each one once)</source>
        <translation>le numéro de série (chacun une seule fois)</translation>
    </message>
    <message>
        <source>the branch where it is kept (code or name)</source>
        <translation>la bibliothèque où il est rangé (code ou nom)</translation>
    </message>
    <message>
        <source>the room where it is kept</source>
        <translation>la salle où il est rangé</translation>
    </message>
    <message>
        <source>purchase date (YYYY-MM-DD)</source>
        <translation>date d’achat (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>free notes</source>
        <translation>notes libres</translation>
    </message>
    <message>
        <source>the stable id a check sees (shown by “regie check … --json”)</source>
        <translation>l’identifiant stable vu par une vérification (affiché par «&#xa0;regie check … --json&#xa0;»)</translation>
    </message>
    <message>
        <source>(to {who} until {until})</source>
        <translation>(à {who} jusqu’au {until})</translation>
    </message>
    <message>
        <source>No device in the inventory.</source>
        <translation>Aucun appareil dans l’inventaire.</translation>
    </message>
    <message>
        <source>failed {k} of the last {n}</source>
        <translation>échec {k} sur les {n} dernières</translation>
    </message>
    <message>
        <source>No check saved for this device yet.</source>
        <translation>Aucune vérification enregistrée pour cet appareil.</translation>
    </message>
    <message>
        <source>session {id}</source>
        <translation>séance {id}</translation>
    </message>
    <message>
        <source>Last good check: {when}</source>
        <translation>Dernière vérification réussie&#xa0;: {when}</translation>
    </message>
    <message>
        <source>Getting worse: {criteria}</source>
        <translation>Se dégrade&#xa0;: {criteria}</translation>
    </message>
    <message>
        <source>Test report written to {path}.</source>
        <translation>Rapport de test écrit dans {path}.</translation>
    </message>
    <message>
        <source>%n device(s) written to {path}.</source>
        <translation>%n appareil écrit dans {path}. | %n appareils écrits dans {path}.</translation>
    </message>
    <message>
        <source>Imported: {added} added, {updated} updated.</source>
        <translation>Import terminé&#xa0;: {added} ajouté(s), {updated} mis à jour.</translation>
    </message>
    <message>
        <source>{name}: {value}</source>
        <translation>{name}&#xa0;: {value}</translation>
    </message>
    <message>
        <source>Zoom licences and their secrets in the keyring</source>
        <translation>licences Zoom et leurs secrets dans le trousseau</translation>
    </message>
    <message>
        <source>the licence&apos;s label (see “regie licences list”)</source>
        <translation>le nom de la licence (voir «&#xa0;regie licences list&#xa0;»)</translation>
    </message>
    <message>
        <source>list the licences and which secrets are saved</source>
        <translation>lister les licences et les secrets enregistrés</translation>
    </message>
    <message>
        <source>register a licence; prints its id</source>
        <translation>enregistrer une licence&#xa0;; affiche son numéro</translation>
    </message>
    <message>
        <source>the name the desk shows</source>
        <translation>le nom qu’affiche le poste</translation>
    </message>
    <message>
        <source>the Zoom account&apos;s e-mail address</source>
        <translation>l’adresse e-mail du compte Zoom</translation>
    </message>
    <message>
        <source>the Zoom plan</source>
        <translation>l’offre Zoom</translation>
    </message>
    <message>
        <source>participant cap (100, 300, 500…)</source>
        <translation>nombre maximal de participants (100, 300, 500…)</translation>
    </message>
    <message>
        <source>meetings at once (1 for Pro)</source>
        <translation>réunions simultanées (1 pour Pro)</translation>
    </message>
    <message>
        <source>reserve it for one branch (code or name)</source>
        <translation>la réserver à une bibliothèque (code ou nom)</translation>
    </message>
    <message>
        <source>change a licence (only the options given)</source>
        <translation>modifier une licence (seulement les options données)</translation>
    </message>
    <message>
        <source>branch code or name; “none” shares it again</source>
        <translation>code ou nom de la bibliothèque&#xa0;; «&#xa0;none&#xa0;» la partage de nouveau</translation>
    </message>
    <message>
        <source>no: the licence is no longer booked</source>
        <translation>no&#xa0;: la licence n’est plus réservée</translation>
    </message>
    <message>
        <source>delete an unused licence and its secrets</source>
        <translation>supprimer une licence inutilisée et ses secrets</translation>
    </message>
    <message>
        <source>which secret: the account&apos;s password or the host key</source>
        <translation>quel secret&#xa0;: le mot de passe du compte ou la clé d’animateur</translation>
    </message>
    <message>
        <source>save a licence secret in the keyring, read from standard input</source>
        <translation>ranger un secret de licence dans le trousseau, lu sur l’entrée standard</translation>
    </message>
    <message>
        <source>remove a licence secret from the keyring</source>
        <translation>retirer un secret de licence du trousseau</translation>
    </message>
    <message>
        <source>is a secure keyring available? (exit 1 if not)</source>
        <translation>un trousseau sécurisé est-il disponible&#xa0;? (code de sortie 1 sinon)</translation>
    </message>
    <message>
        <source>show or set the buffers around each booking</source>
        <translation>afficher ou régler les marges autour de chaque réservation</translation>
    </message>
    <message>
        <source>minutes a licence is held before each session</source>
        <translation>minutes pendant lesquelles une licence est retenue avant chaque séance</translation>
    </message>
    <message>
        <source>minutes a licence is held after each session</source>
        <translation>minutes pendant lesquelles une licence est retenue après chaque séance</translation>
    </message>
    <message>
        <source>licences × time: bookings and free gaps</source>
        <translation>licences × temps&#xa0;: réservations et créneaux libres</translation>
    </message>
    <message>
        <source>first day (default: today)</source>
        <translation>premier jour (par défaut&#xa0;: aujourd’hui)</translation>
    </message>
    <message>
        <source>days to show (7)</source>
        <translation>jours à afficher (7)</translation>
    </message>
    <message>
        <source>list, add, edit and cancel sessions</source>
        <translation>lister, ajouter, modifier et annuler des séances</translation>
    </message>
    <message>
        <source>give a session a Zoom licence free at its time</source>
        <translation>attribuer à une séance une licence Zoom libre à son horaire</translation>
    </message>
    <message>
        <source>this licence</source>
        <translation>cette licence</translation>
    </message>
    <message>
        <source>the free licence that fits best</source>
        <translation>la licence libre qui convient le mieux</translation>
    </message>
    <message>
        <source>remove the licence</source>
        <translation>retirer la licence</translation>
    </message>
    <message>
        <source>record a session&apos;s Zoom meeting</source>
        <translation>enregistrer la réunion Zoom d’une séance</translation>
    </message>
    <message>
        <source>the meeting ID of the Zoom invitation</source>
        <translation>l’ID de réunion de l’invitation Zoom</translation>
    </message>
    <message>
        <source>read the passcode from standard input</source>
        <translation>lire le code secret sur l’entrée standard</translation>
    </message>
    <message>
        <source>the invitation&apos;s https link (its pwd is dropped)</source>
        <translation>le lien https de l’invitation (son pwd est retiré)</translation>
    </message>
    <message>
        <source>open a session&apos;s Zoom meeting and mark it running</source>
        <translation>ouvrir la réunion Zoom d’une séance et la marquer en cours</translation>
    </message>
    <message>
        <source>print what would open, masked</source>
        <translation>afficher ce qui serait ouvert, masqué</translation>
    </message>
    <message>
        <source>the staff member launching (the name Zoom shows when the session has no host)</source>
        <translation>la personne qui lance la séance (le nom qu’affiche Zoom quand la séance n’a pas d’animateur ou d’animatrice)</translation>
    </message>
    <message>
        <source>No licence yet: add one with “regie licences add”.</source>
        <translation>Aucune licence pour l’instant&#xa0;: ajoutez-en une avec «&#xa0;regie licences add&#xa0;».</translation>
    </message>
    <message>
        <source>(inactive)</source>
        <translation>(inactive)</translation>
    </message>
    <message>
        <source>branch {code}</source>
        <translation>bibliothèque {code}</translation>
    </message>
    <message>
        <source>no secret saved</source>
        <translation>aucun secret enregistré</translation>
    </message>
    <message>
        <source>cap {n}</source>
        <translation>max. {n}</translation>
    </message>
    <message>
        <source>Licence “{label}” removed, with %n secret(s).</source>
        <translation>Licence «&#xa0;{label}&#xa0;» supprimée, avec %n secret. | Licence «&#xa0;{label}&#xa0;» supprimée, avec %n secrets.</translation>
    </message>
    <message>
        <source>{secret}: </source>
        <translation>{secret}&#xa0;: </translation>
    </message>
    <message>
        <source>{secret} of “{label}” saved in the keyring (service “{service}”).</source>
        <translation>{secret} de «&#xa0;{label}&#xa0;» rangé dans le trousseau (service «&#xa0;{service}&#xa0;»).</translation>
    </message>
    <message>
        <source>{secret} of “{label}” deleted.</source>
        <translation>{secret} de «&#xa0;{label}&#xa0;» supprimé.</translation>
    </message>
    <message>
        <source>A licence is held {before} min before each session and {after} min after it.</source>
        <translation>Une licence est retenue {before}&#xa0;min avant chaque séance et {after}&#xa0;min après.</translation>
    </message>
    <message>
        <source>%n upcoming booking(s) now held under these buffers.</source>
        <translation>%n réservation à venir tient désormais compte de ces marges. | %n réservations à venir tiennent désormais compte de ces marges.</translation>
    </message>
    <message>
        <source>free all period</source>
        <translation>libre toute la période</translation>
    </message>
    <message>
        <source>Session {id}: {licence}</source>
        <translation>Séance {id}&#xa0;: {licence}</translation>
    </message>
    <message>
        <source>no licence</source>
        <translation>aucune licence</translation>
    </message>
    <message>
        <source>Passcode: </source>
        <translation>Code secret&#xa0;: </translation>
    </message>
    <message>
        <source>Meeting of session {id} saved (passcode in the keyring).</source>
        <translation>Réunion de la séance {id} enregistrée (code secret dans le trousseau).</translation>
    </message>
    <message>
        <source>Meeting of session {id} saved.</source>
        <translation>Réunion de la séance {id} enregistrée.</translation>
    </message>
    <message>
        <source>Would open: {url}</source>
        <translation>Ouvrirait&#xa0;: {url}</translation>
    </message>
    <message>
        <source>Fallback:   {url}</source>
        <translation>Sinon&#xa0;:     {url}</translation>
    </message>
    <message>
        <source>Zoom opened.</source>
        <translation>Zoom est ouvert.</translation>
    </message>
    <message>
        <source>Opened in the web browser.</source>
        <translation>Ouvert dans le navigateur web.</translation>
    </message>
    <message>
        <source>The host key is in the keyring; the Launch button copies it for you.</source>
        <translation>La clé d’animateur est dans le trousseau&#xa0;; le bouton Lancer la copie pour vous.</translation>
    </message>
    <message>
        <source>Name shown in Zoom: {name}</source>
        <translation>Nom affiché dans Zoom&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Next: {action}</source>
        <translation>Ensuite&#xa0;: {action}</translation>
    </message>
    <message>
        <source>a session&apos;s registrations and waiting list</source>
        <translation>les inscriptions d’une séance et sa liste d’attente</translation>
    </message>
    <message>
        <source>the session&apos;s registrations and counts</source>
        <translation>les inscriptions de la séance et leurs comptes</translation>
    </message>
    <message>
        <source>the session&apos;s number</source>
        <translation>le numéro de la séance</translation>
    </message>
    <message>
        <source>register someone (the waiting list once the places are taken)</source>
        <translation>inscrire une personne (en liste d’attente une fois les places prises)</translation>
    </message>
    <message>
        <source>the person&apos;s name</source>
        <translation>le nom de la personne</translation>
    </message>
    <message>
        <source>their e-mail address</source>
        <translation>son adresse e-mail</translation>
    </message>
    <message>
        <source>their phone number</source>
        <translation>son numéro de téléphone</translation>
    </message>
    <message>
        <source>add everyone in a registration list (CSV) instead</source>
        <translation>ajouter plutôt toutes les personnes d’une liste d’inscription (CSV)</translation>
    </message>
    <message>
        <source>cancel a registration; prints the message for the next in line</source>
        <translation>annuler une inscription&#xa0;; affiche le message pour la personne suivante</translation>
    </message>
    <message>
        <source>the registration&apos;s number</source>
        <translation>le numéro de l’inscription</translation>
    </message>
    <message>
        <source>give a place to someone on the waiting list</source>
        <translation>donner une place à une personne de la liste d’attente</translation>
    </message>
    <message>
        <source>no-show rates and how many registrations to accept</source>
        <translation>taux d’absents et nombre d’inscriptions à accepter</translation>
    </message>
    <message>
        <source>The share of registrants who did not come, per session type (and branch when it has enough history), measured on the sessions held; with --capacity, how many registrations to accept so the room overflows with a chance of at most --risk.</source>
        <translation>La part des inscrits qui ne sont pas venus, par type de séance (et par bibliothèque quand l’historique suffit), mesurée sur les séances tenues&#xa0;; avec --capacity, combien d’inscriptions accepter pour que la salle déborde avec une probabilité d’au plus --risk.</translation>
    </message>
    <message>
        <source>session type code</source>
        <translation>code du type de séance</translation>
    </message>
    <message>
        <source>branch code or name</source>
        <translation>code ou nom de la bibliothèque</translation>
    </message>
    <message>
        <source>places of the session</source>
        <translation>places de la séance</translation>
    </message>
    <message>
        <source>accepted chance of more people than places (default 0.1)</source>
        <translation>probabilité acceptée d’avoir plus de personnes que de places (0.1 par défaut)</translation>
    </message>
    <message>
        <source>judge the advice on the sessions held from this day</source>
        <translation>juger le conseil sur les séances tenues à partir de ce jour</translation>
    </message>
    <message>
        <source>… until this day</source>
        <translation>… jusqu’à ce jour</translation>
    </message>
    <message>
        <source>{registered} registered, {waiting} waiting, {cancelled} cancelled ({accept} accepted for {capacity} places)</source>
        <translation>{registered} inscrits, {waiting} en attente, {cancelled} annulés ({accept} acceptés pour {capacity} places)</translation>
    </message>
    <message>
        <source>(purged)</source>
        <translation>(effacé)</translation>
    </message>
    <message>
        <source>A place is free: offer it to registration {id}, then run “regie registrations promote {id}”.</source>
        <translation>Une place est libre&#xa0;: proposez-la à l’inscription {id}, puis lancez «&#xa0;regie registrations promote {id}&#xa0;».</translation>
    </message>
    <message>
        <source> (network&apos;s rate)</source>
        <translation> (taux du réseau)</translation>
    </message>
    <message>
        <source>Advice judged on {n} sessions: overflowed {over} of {followed} times (risk {risk:.0%}).</source>
        <translation>Conseil jugé sur {n} séances&#xa0;: salle dépassée {over} fois sur {followed} (risque {risk:.0%}).</translation>
    </message>
    <message>
        <source>activity report: sessions by type, per week, no-show by type and branch</source>
        <translation>bilan d’activité&#xa0;: séances par type, par semaine, absences par type et par bibliothèque</translation>
    </message>
    <message>
        <source>Counts the sessions held (done, or with attendance recorded) in the period. Without --json, --csv or --pdf, prints the table by type.</source>
        <translation>Compte les séances tenues (terminées, ou dont la fréquentation est notée) sur la période. Sans --json, --csv ni --pdf, affiche le tableau par type.</translation>
    </message>
    <message>
        <source>first day</source>
        <translation>premier jour</translation>
    </message>
    <message>
        <source>last day</source>
        <translation>dernier jour</translation>
    </message>
    <message>
        <source>branch code or name (default: the whole network)</source>
        <translation>code ou nom de la bibliothèque (par défaut&#xa0;: tout le réseau)</translation>
    </message>
    <message>
        <source>with --survey: the calendar year to report on</source>
        <translation>avec --survey&#xa0;: l’année civile du bilan</translation>
    </message>
    <message>
        <source>the yearly survey: sessions held and cancelled, participants, unique registrants, hours, remote and hybrid, by type, by branch and for the network</source>
        <translation>l’enquête annuelle&#xa0;: séances tenues et annulées, participants, inscrits uniques, heures, à distance et hybrides, par type, par bibliothèque et pour le réseau</translation>
    </message>
    <message>
        <source>write a CSV for Excel</source>
        <translation>écrire un CSV pour Excel</translation>
    </message>
    <message>
        <source>write a PDF with the charts</source>
        <translation>écrire un PDF avec les graphiques</translation>
    </message>
    <message>
        <source>not a year: {value!r} (expected YYYY)</source>
        <translation>pas une année&#xa0;: {value!r} (attendu&#xa0;: AAAA)</translation>
    </message>
    <message>
        <source>CSV written: {path}</source>
        <translation>CSV écrit&#xa0;: {path}</translation>
    </message>
    <message>
        <source>PDF written: {path}</source>
        <translation>PDF écrit&#xa0;: {path}</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Tenues</translation>
    </message>
    <message>
        <source>Canc.</source>
        <translation>Annul.</translation>
    </message>
    <message>
        <source>Part.</source>
        <translation>Part.</translation>
    </message>
    <message>
        <source>Uniq.</source>
        <translation>Uniq.</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type de séance</translation>
    </message>
    <message>
        <source>Sess.</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>Reg.</source>
        <translation>Inscr.</translation>
    </message>
    <message>
        <source>Conn.</source>
        <translation>Conn.</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sur pl.</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Absents</translation>
    </message>
    <message>
        <source>ISO 8601, local if no zone</source>
        <translation>ISO 8601, heure locale sans fuseau</translation>
    </message>
    <message>
        <source>list sessions, today&apos;s first</source>
        <translation>lister les séances, celles du jour d’abord</translation>
    </message>
    <message>
        <source>session type code or name</source>
        <translation>code ou nom du type de séance</translation>
    </message>
    <message>
        <source>only this status (may be repeated)</source>
        <translation>seulement cet état (peut être répété)</translation>
    </message>
    <message>
        <source>create a session; prints its id</source>
        <translation>créer une séance&#xa0;; affiche son numéro</translation>
    </message>
    <message>
        <source>the session&apos;s title</source>
        <translation>le titre de la séance</translation>
    </message>
    <message>
        <source>type code or name</source>
        <translation>code ou nom du type</translation>
    </message>
    <message>
        <source>remote, or hybrid (an audience in the room too)</source>
        <translation>remote (à distance) ou hybrid (hybride&#xa0;: du public dans la salle aussi)</translation>
    </message>
    <message>
        <source>how many people may attend</source>
        <translation>combien de personnes peuvent participer</translation>
    </message>
    <message>
        <source>staff member&apos;s name</source>
        <translation>nom de la personne du personnel</translation>
    </message>
    <message>
        <source>free text for colleagues</source>
        <translation>texte libre pour les collègues</translation>
    </message>
    <message>
        <source>change a session (only the options given); a booked licence is checked again</source>
        <translation>modifier une séance (seulement les options données)&#xa0;; une licence réservée est vérifiée de nouveau</translation>
    </message>
    <message>
        <source>the session&apos;s new status</source>
        <translation>le nouvel état de la séance</translation>
    </message>
    <message>
        <source>cancel a session (it stays listed as cancelled)</source>
        <translation>annuler une séance (elle reste dans la liste comme annulée)</translation>
    </message>
    <message>
        <source>one session in detail</source>
        <translation>une séance en détail</translation>
    </message>
    <message>
        <source>not a date and time: {text} (expected e.g. 2026-12-03T18:30)</source>
        <translation>ce n’est pas une date et une heure&#xa0;: {text} (attendu par exemple&#xa0;: 2026-12-03T18:30)</translation>
    </message>
    <message>
        <source>%n session(s)</source>
        <translation>%n séance | %n séances</translation>
    </message>
    <message>
        <source>session {id} saved</source>
        <translation>séance {id} enregistrée</translation>
    </message>
    <message>
        <source>session {id} cancelled</source>
        <translation>séance {id} annulée</translation>
    </message>
    <message>
        <source>id</source>
        <translation>n°</translation>
    </message>
    <message>
        <source>title</source>
        <translation>titre</translation>
    </message>
    <message>
        <source>type</source>
        <translation>code type</translation>
    </message>
    <message>
        <source>type_name</source>
        <translation>type</translation>
    </message>
    <message>
        <source>branch</source>
        <translation>code bibl.</translation>
    </message>
    <message>
        <source>branch_name</source>
        <translation>bibliothèque</translation>
    </message>
    <message>
        <source>start</source>
        <translation>début</translation>
    </message>
    <message>
        <source>end</source>
        <translation>fin</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>mode</translation>
    </message>
    <message>
        <source>host</source>
        <translation>animation</translation>
    </message>
    <message>
        <source>licence</source>
        <translation>licence</translation>
    </message>
    <message>
        <source>status</source>
        <translation>état</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notes</translation>
    </message>
    <message>
        <source>the day&apos;s sessions, how ready each is and what to do next</source>
        <translation>les séances du jour, où en est leur préparation et quoi faire ensuite</translation>
    </message>
    <message>
        <source>One line per session (not cancelled), in time order: time, title, branch, verdict, next action. Like the Aujourd&apos;hui area, it shows the day and the two after it unless --days says otherwise.</source>
        <translation>Une ligne par séance (non annulée), dans l’ordre horaire&#xa0;: heure, titre, bibliothèque, verdict, action suivante. Comme l’espace Aujourd’hui, affiche le jour et les deux suivants, sauf indication contraire de --days.</translation>
    </message>
    <message>
        <source>one branch (code or name); all by default</source>
        <translation>une bibliothèque (code ou nom)&#xa0;; toutes par défaut</translation>
    </message>
    <message>
        <source>first day (today)</source>
        <translation>premier jour (aujourd’hui)</translation>
    </message>
    <message>
        <source>days to show (3)</source>
        <translation>jours à afficher (3)</translation>
    </message>
    <message>
        <source>a session&apos;s preparation steps: what is done, what is left, what to do next</source>
        <translation>les étapes de préparation d’une séance&#xa0;: ce qui est fait, ce qui reste, quoi faire ensuite</translation>
    </message>
    <message>
        <source>leave a preparation step out, with the reason ({steps})</source>
        <translation>passer une étape de préparation, avec la raison ({steps})</translation>
    </message>
    <message>
        <source>The reason is kept with who gave it and when, and shown with the session&apos;s readiness. --undo takes the skip back.</source>
        <translation>La raison est gardée avec qui l’a donnée et quand, et affichée avec la préparation de la séance. --undo revient sur l’étape passée.</translation>
    </message>
    <message>
        <source>the step: {steps}</source>
        <translation>l’étape&#xa0;: {steps}</translation>
    </message>
    <message>
        <source>why the step is left out</source>
        <translation>pourquoi l’étape est passée</translation>
    </message>
    <message>
        <source>take the skip back: the step is to do</source>
        <translation>revenir sur l’étape passée&#xa0;: elle est de nouveau à faire</translation>
    </message>
    <message>
        <source>mark a session ready: when its steps say so, or by hand with a reason</source>
        <translation>marquer une séance prête&#xa0;: quand ses étapes le disent, ou à la main avec une raison</translation>
    </message>
    <message>
        <source>Without options the session is marked ready if its preparation says so. --reason marks it ready by hand although steps are missing (the reason is kept); --clear takes that back.</source>
        <translation>Sans option, la séance est marquée prête si sa préparation le dit. --reason la marque prête à la main bien que des étapes manquent (la raison est gardée)&#xa0;; --clear revient dessus.</translation>
    </message>
    <message>
        <source>why it is ready although steps are missing</source>
        <translation>pourquoi elle est prête bien que des étapes manquent</translation>
    </message>
    <message>
        <source>take back “ready” set by hand</source>
        <translation>revenir sur «&#xa0;prête&#xa0;» mis à la main</translation>
    </message>
    <message>
        <source>%n session(s) from {day}</source>
        <translation>%n séance à partir du {day} | %n séances à partir du {day}</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>nothing left to do</source>
        <translation>plus rien à faire</translation>
    </message>
    <message>
        <source>Session {id} “{title}”, {start}–{end}, {branch}, {mode}, {status}</source>
        <translation>Séance {id} «&#xa0;{title}&#xa0;», {start}–{end}, {branch}, {mode}, {status}</translation>
    </message>
    <message>
        <source>Ready by hand: {reason}</source>
        <translation>Prête à la main&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Ready: yes</source>
        <translation>Prête&#xa0;: oui</translation>
    </message>
    <message>
        <source>Ready: no</source>
        <translation>Prête&#xa0;: non</translation>
    </message>
    <message>
        <source>(%n left: {steps})</source>
        <translation>(%n restante&#xa0;: {steps}) | (%n restantes&#xa0;: {steps})</translation>
    </message>
    <message>
        <source>Kit here: {devices}</source>
        <translation>Matériel sur place&#xa0;: {devices}</translation>
    </message>
    <message>
        <source>Next: nothing left to do</source>
        <translation>Ensuite&#xa0;: plus rien à faire</translation>
    </message>
    <message>
        <source>Session {id}: {step} is to do again.</source>
        <translation>Séance {id}&#xa0;: {step} est de nouveau à faire.</translation>
    </message>
    <message>
        <source>Session {id}: {step} skipped ({reason}).</source>
        <translation>Séance {id}&#xa0;: {step} passée ({reason}).</translation>
    </message>
    <message>
        <source>Session {id}: {step} skip kept, but the step is {state}.</source>
        <translation>Séance {id}&#xa0;: {step} reste marquée comme passée, mais l’étape est «&#xa0;{state}&#xa0;».</translation>
    </message>
    <message>
        <source>Session {id}: “ready” by hand taken back; it is {status}.</source>
        <translation>Séance {id}&#xa0;: «&#xa0;prête&#xa0;» mis à la main est retiré&#xa0;; son état est «&#xa0;{status}&#xa0;».</translation>
    </message>
    <message>
        <source>Session {id} is ready, by hand: {reason}.</source>
        <translation>La séance {id} est prête, à la main&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Session {id} is ready.</source>
        <translation>La séance {id} est prête.</translation>
    </message>
</context>
<context>
    <name>Cli.argparse</name>
    <message>
        <source>usage: </source>
        <translation>utilisation&#xa0;: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>arguments positionnels</translation>
    </message>
    <message>
        <source>options</source>
        <translation>options</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>afficher cette aide et quitter</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argument %(argument_name)s&#xa0;: %(message)s</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>analyseur inconnu %(parser_name)r (choix possibles&#xa0;: %(choices)s)</translation>
    </message>
    <message>
        <source>argument &quot;-&quot; with mode %r</source>
        <translation>argument «&#xa0;-&#xa0;» avec le mode %r</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>impossible d’ouvrir «&#xa0;%(filename)s&#xa0;»&#xa0;: %(error)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>arguments non reconnus&#xa0;: %s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>interdit avec l’argument %s</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>argument explicite ignoré&#xa0;: %r</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>ces arguments sont obligatoires&#xa0;: %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>l’un des arguments %s est obligatoire</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>un argument attendu</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>un argument au plus attendu</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>au moins un argument attendu</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>option ambiguë&#xa0;: %(option)s peut désigner %(matches)s</translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation>option inattendue&#xa0;: %s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>valeur %(type)s invalide&#xa0;: %(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>choix invalide&#xa0;: %(value)r (choisissez parmi %(choices)s)</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s&#xa0;: erreur&#xa0;: %(message)s
</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>%s argument attendu</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>%s arguments attendus</translation>
    </message>
</context>
<context>
    <name>Cli.args</name>
    <message>
        <source>id</source>
        <translation>numéro</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>path</source>
        <translation>chemin</translation>
    </message>
    <message>
        <source>checklist_id</source>
        <translation>identifiant</translation>
    </message>
    <message>
        <source>label</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>session_id</source>
        <translation>numéro</translation>
    </message>
    <message>
        <source>step</source>
        <translation>étape</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>Needs the database server</source>
        <translation>Nécessite le serveur de base de données</translation>
    </message>
    <message>
        <source>Database updated; backup kept at %1</source>
        <translation>Base de données mise à jour ; copie de sauvegarde conservée dans %1</translation>
    </message>
    <message>
        <source>This area needs the database server, which cannot be reached. Device checks, checklists and attendance counts still work. This area opens by itself once the server answers.</source>
        <translation>Cet espace a besoin du serveur de base de données, injoignable pour le moment. Les tests de matériel, les listes de contrôle et la saisie de la fréquentation fonctionnent toujours. Cet espace s’ouvrira de lui-même dès que le serveur répondra.</translation>
    </message>
    <message>
        <source>The database server cannot be reached. Device checks, checklist runs and attendance counts still work: they are saved on this computer and sent when the server answers again.</source>
        <translation>Le serveur de base de données est injoignable. Les tests de matériel, les listes de contrôle et la saisie de la fréquentation fonctionnent toujours : ils sont enregistrés sur cet ordinateur et envoyés dès que le serveur répond à nouveau.</translation>
    </message>
    <message>
        <source>Sessions and licences are shown read-only as of %1.</source>
        <translation>Les séances et les licences sont affichées en lecture seule, telles qu’au %1.</translation>
    </message>
    <message>
        <source>Sessions and licences need the server to be shown.</source>
        <translation>Les séances et les licences ne peuvent pas être affichées sans le serveur.</translation>
    </message>
    <message>
        <source>The database server answers again; %n write(s) sent.</source>
        <translation>Le serveur de base de données répond de nouveau ; %n enregistrement envoyé. | Le serveur de base de données répond de nouveau ; %n enregistrements envoyés.</translation>
    </message>
    <message>
        <source>%n write(s) refused by the server stay on this computer: “regie db status” lists them.</source>
        <translation>%n enregistrement refusé par le serveur reste sur cet ordinateur : « regie db status » le liste. | %n enregistrements refusés par le serveur restent sur cet ordinateur : « regie db status » les liste.</translation>
    </message>
    <message>
        <source>Demo network</source>
        <translation>Réseau de démonstration</translation>
    </message>
    <message>
        <source>This database already holds a network. To try the demo, start Régie on an empty database: regie --db demo.sqlite3</source>
        <translation>Cette base contient déjà un réseau. Pour essayer la démonstration, lancez Régie sur une base vide : regie --db demo.sqlite3</translation>
    </message>
    <message>
        <source>Welcome to Régie</source>
        <translation>Bienvenue dans Régie</translation>
    </message>
    <message>
        <source>The database is empty. Load a demo library network (ten branches, their staff, four Zoom licences and a term of sessions) to discover Régie?

You can also start from scratch and add your own sessions.</source>
        <translation>La base est vide. Charger un réseau de bibliothèques de démonstration (dix bibliothèques, leurs agents, quatre licences Zoom et une saison de séances) pour découvrir Régie ?

Vous pouvez aussi partir de zéro et saisir vos propres séances.</translation>
    </message>
    <message>
        <source>Loading the demo network…</source>
        <translation>Chargement du réseau de démonstration…</translation>
    </message>
    <message>
        <source>Demo network loaded.</source>
        <translation>Réseau de démonstration chargé.</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>Sauvegarder la base</translation>
    </message>
    <message>
        <source>A network database is backed up on its server by the technician.</source>
        <translation>Une base réseau est sauvegardée sur son serveur par le technicien.</translation>
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation>Sauvegarde enregistrée dans %1</translation>
    </message>
</context>
<context>
    <name>DeviceReport</name>
    <message>
        <source>Test report — {label}</source>
        <translation>Rapport de test — {label}</translation>
    </message>
    <message>
        <source>Kind: {kind} · Make and model: {model}</source>
        <translation>Type&#xa0;: {kind} · Marque et modèle&#xa0;: {model}</translation>
    </message>
    <message>
        <source>Serial number: {serial} · Purchased: {date}</source>
        <translation>Numéro de série&#xa0;: {serial} · Acheté le&#xa0;: {date}</translation>
    </message>
    <message>
        <source>Branch: {branch} · Room: {room} · Status: {status}</source>
        <translation>Bibliothèque&#xa0;: {branch} · Salle&#xa0;: {room} · État&#xa0;: {status}</translation>
    </message>
    <message>
        <source>No check saved yet.</source>
        <translation>Aucune vérification enregistrée.</translation>
    </message>
    <message>
        <source>Newest check: {when} — {verdict}</source>
        <translation>Dernière vérification&#xa0;: {when} — {verdict}</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Failed {k} of the last {n} checks.</source>
        <translation>Échec à {k} des {n} dernières vérifications.</translation>
    </message>
    <message>
        <source>Last good check: {when}.</source>
        <translation>Dernière vérification réussie&#xa0;: {when}.</translation>
    </message>
    <message>
        <source>… and {n} older check(s).</source>
        <translation>… et {n} vérification(s) plus ancienne(s).</translation>
    </message>
    <message>
        <source>Printed by Régie on {when}</source>
        <translation>Imprimé par Régie le {when}</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Critère</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>The picture the newest check saw.</source>
        <translation>L’image vue lors de la dernière vérification.</translation>
    </message>
</context>
<context>
    <name>Equipment</name>
    <message>
        <source>Label</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type d’appareil</translation>
    </message>
    <message>
        <source>Make and model</source>
        <translation>Marque et modèle</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>N° de série</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Vérifications</translation>
    </message>
    <message>
        <source>Line {line}: {problem}</source>
        <translation>Ligne {line}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>The inventory file was not imported, nothing was changed:</source>
        <translation>Le fichier d’inventaire n’a pas été importé, rien n’a été modifié&#xa0;:</translation>
    </message>
    <message>
        <source>(to {who} until {until})</source>
        <translation>(à {who} jusqu’au {until})</translation>
    </message>
    <message>
        <source>Never checked</source>
        <translation>Jamais vérifié</translation>
    </message>
    <message>
        <source>failed {k} of {n}</source>
        <translation>échec {k} sur {n}</translation>
    </message>
    <message>
        <source>no failure in the last {n}</source>
        <translation>aucun échec sur les {n} dernières</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Matériel</translation>
    </message>
    <message>
        <source>Only the devices that &amp;need attention</source>
        <translation>Seulement les appareils qui demandent une interventi&amp;on</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Appareils</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>A&amp;jouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Lend…</source>
        <translation>&amp;Prêter…</translation>
    </message>
    <message>
        <source>&amp;Returned</source>
        <translation>Ren&amp;du</translation>
    </message>
    <message>
        <source>Mark &amp;broken</source>
        <translation>Déc&amp;larer en panne</translation>
    </message>
    <message>
        <source>Re&amp;tire</source>
        <translation>Reti&amp;rer</translation>
    </message>
    <message>
        <source>&amp;Compare…</source>
        <translation>&amp;Comparer…</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xporter en CSV…</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>Importer un CS&amp;V…</translation>
    </message>
    <message>
        <source>Test re&amp;port (PDF)…</source>
        <translation>Rapport de tes&amp;t (PDF)…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Check results of the device</source>
        <translation>Résultats des vérifications de l’appareil</translation>
    </message>
    <message>
        <source>%n device(s)</source>
        <translation>%n appareil | %n appareils</translation>
    </message>
    <message>
        <source>%n to look at</source>
        <translation>%n à surveiller | %n à surveiller</translation>
    </message>
    <message>
        <source>Choose a device to see its history.</source>
        <translation>Choisissez un appareil pour voir son historique.</translation>
    </message>
    <message>
        <source>Last good check: {when}</source>
        <translation>Dernière vérification réussie&#xa0;: {when}</translation>
    </message>
    <message>
        <source>Trend of {criterion}</source>
        <translation>Évolution de {criterion}</translation>
    </message>
    <message>
        <source>Mark &amp;repaired</source>
        <translation>Déc&amp;larer réparé</translation>
    </message>
    <message>
        <source>Retire a device</source>
        <translation>Retirer un appareil</translation>
    </message>
    <message>
        <source>Retire “{label}” for good? Its history is kept.</source>
        <translation>Retirer définitivement «&#xa0;{label}&#xa0;»&#xa0;? Son historique est conservé.</translation>
    </message>
    <message>
        <source>Compare devices</source>
        <translation>Comparer des appareils</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>Comparer avec&#xa0;:</translation>
    </message>
    <message>
        <source>%n device(s) written to {path}.</source>
        <translation>%n appareil écrit dans {path}. | %n appareils écrits dans {path}.</translation>
    </message>
    <message>
        <source>Export the inventory</source>
        <translation>Exporter l’inventaire</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Import an inventory</source>
        <translation>Importer un inventaire</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Enregistré&#xa0;: {path}</translation>
    </message>
    <message>
        <source>Test report</source>
        <translation>Rapport de test</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Add a device</source>
        <translation>Ajouter un appareil</translation>
    </message>
    <message>
        <source>(no branch)</source>
        <translation>(aucune bibliothèque)</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>Connue</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Make:</source>
        <translation>Ma&amp;rque&#xa0;:</translation>
    </message>
    <message>
        <source>M&amp;odel:</source>
        <translation>M&amp;odèle&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Serial number:</source>
        <translation>Numéro de &amp;série&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Branch:</source>
        <translation>&amp;Bibliothèque&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>&amp;Salle&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Purchased:</source>
        <translation>Date d’&amp;achat&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>N&amp;otes&#xa0;:</translation>
    </message>
    <message>
        <source>Lend “{label}”</source>
        <translation>Prêter «&#xa0;{label}&#xa0;»</translation>
    </message>
    <message>
        <source>&amp;Lent to:</source>
        <translation>&amp;Prêté à&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>&amp;Jusqu’au&#xa0;:</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Critère</translation>
    </message>
    <message>
        <source>Kit here: {devices}</source>
        <translation>Matériel sur place&#xa0;: {devices}</translation>
    </message>
    <message>
        <source>A device here needs attention.</source>
        <translation>Un appareil sur place demande une intervention.</translation>
    </message>
    <message>
        <source>Add to the &amp;inventory…</source>
        <translation>Ajouter à l’&amp;inventaire…</translation>
    </message>
    <message>
        <source>Inventory: {label}</source>
        <translation>Inventaire&#xa0;: {label}</translation>
    </message>
    <message>
        <source>“{device}” is not in the inventory.</source>
        <translation>«&#xa0;{device}&#xa0;» n’est pas dans l’inventaire.</translation>
    </message>
    <message>
        <source>Add to the inventory</source>
        <translation>Ajouter à l’inventaire</translation>
    </message>
    <message>
        <source>Added to the inventory.</source>
        <translation>Ajouté à l’inventaire.</translation>
    </message>
</context>
<context>
    <name>GlanceView</name>
    <message>
        <source>the whole network</source>
        <translation>tout le réseau</translation>
    </message>
    <message>
        <source>Today, {day} — {place}</source>
        <translation>Aujourd’hui, {day} — {place}</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Each session&apos;s preparation (checks, checklist, licence) is being read and shows in a moment.</source>
        <translation>La préparation de chaque séance (vérifications, liste de contrôle, licence) est en cours de lecture et s’affiche dans un instant.</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Chargement</translation>
    </message>
    <message>
        <source>No session.</source>
        <translation>Aucune séance.</translation>
    </message>
    <message>
        <source>Today&apos;s sessions</source>
        <translation>Séances du jour</translation>
    </message>
    <message>
        <source>Today — {day}</source>
        <translation>Aujourd’hui — {day}</translation>
    </message>
    <message>
        <source>Tomorrow — {day}</source>
        <translation>Demain — {day}</translation>
    </message>
    <message>
        <source>no licence booked</source>
        <translation>aucune licence réservée</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <source>Help pages</source>
        <translation>Pages d&apos;aide</translation>
    </message>
    <message>
        <source>Accessibility statement</source>
        <translation>Déclaration d&apos;accessibilité</translation>
    </message>
    <message>
        <source>Help page</source>
        <translation>Page d&apos;aide</translation>
    </message>
    <message>
        <source># Accessibility statement

Régie aims to be usable by every member of the library staff.

## What is supported

- **Keyboard**: every area and every dialog can be used without a mouse; Ctrl+1 to Ctrl+9 open the work areas, F1 opens this help.
- **Screen readers**: buttons, fields, lists and tables carry names that screen readers read out.
- **Contrast and colour**: texts are contrasted, and a verdict is always said with a symbol and a word, never by colour alone.
- **French**: the whole window, its dialogs and the command line are in French, with numbers, dates and durations written the French way.

## Reporting a problem

If a part of Régie is hard or impossible to use for you, tell your AV technician or the library network&apos;s IT help desk: say which screen, what you tried to do, and which assistive technology you use. The problem will be answered and corrected in a following version.
</source>
        <translation># Déclaration d&apos;accessibilité

Régie veut être utilisable par chaque membre du personnel des bibliothèques.

## Ce qui est pris en charge

- **Clavier**&#xa0;: chaque espace et chaque fenêtre s&apos;utilisent sans souris&#xa0;; Ctrl+1 à Ctrl+9 ouvrent les espaces de travail, F1 ouvre cette aide.
- **Lecteurs d&apos;écran**&#xa0;: boutons, champs, listes et tableaux portent des noms que les lecteurs d&apos;écran annoncent.
- **Contraste et couleur**&#xa0;: les textes sont contrastés, et un verdict est toujours dit par un symbole et un mot, jamais par la couleur seule.
- **Français**&#xa0;: toute la fenêtre, ses boîtes de dialogue et la ligne de commande sont en français, avec les nombres, dates et durées écrits à la française.

## Signaler un problème

Si une partie de Régie vous est difficile ou impossible à utiliser, dites-le à votre technicien audiovisuel ou à l&apos;assistance informatique du réseau des bibliothèques&#xa0;: indiquez l&apos;écran, ce que vous cherchiez à faire et la technologie d&apos;assistance que vous utilisez. Vous recevrez une réponse et le problème sera corrigé dans une version suivante.
</translation>
    </message>
</context>
<context>
    <name>LaunchController</name>
    <message>
        <source>Neither the Zoom application nor a web browser could be opened. Install Zoom, or open the meeting from its invitation.</source>
        <translation>Ni l&apos;application Zoom ni un navigateur web n&apos;ont pu être ouverts. Installez Zoom, ou ouvrez la réunion depuis son invitation.</translation>
    </message>
    <message>
        <source>The launch failed unexpectedly ({error}). Try again, or call your technician.</source>
        <translation>Le lancement a échoué de façon inattendue ({error}). Réessayez, ou appelez votre technicien.</translation>
    </message>
    <message>
        <source>Zoom was opened on the meeting.</source>
        <translation>Zoom est ouvert sur la réunion.</translation>
    </message>
    <message>
        <source>The Zoom application is not installed here: the meeting was opened in the web browser.</source>
        <translation>L&apos;application Zoom n&apos;est pas installée sur ce poste : la réunion s&apos;est ouverte dans le navigateur web.</translation>
    </message>
    <message>
        <source>The host key is in the clipboard for {seconds} seconds.</source>
        <translation>La clé d&apos;animateur est dans le presse-papiers pendant {seconds} secondes.</translation>
    </message>
    <message>
        <source>The session is marked as running.</source>
        <translation>La séance est marquée « en cours ».</translation>
    </message>
    <message>
        <source>The session could not be marked as running: {error}</source>
        <translation>La séance n&apos;a pas pu être marquée « en cours » : {error}</translation>
    </message>
    <message>
        <source>Who is launching Zoom?</source>
        <translation>Qui lance Zoom&#xa0;?</translation>
    </message>
    <message>
        <source>This session has no host. Choose your name: Zoom shows it to the participants.</source>
        <translation>Cette séance n’a pas d’animateur ou d’animatrice. Choisissez votre nom&#xa0;: Zoom l’affiche aux participants.</translation>
    </message>
    <message>
        <source>&amp;Launch Zoom</source>
        <translation>&amp;Lancer Zoom</translation>
    </message>
    <message>
        <source>Open the selected session&apos;s Zoom meeting (Ctrl+L)</source>
        <translation>Ouvrir la réunion Zoom de la séance sélectionnée (Ctrl+L)</translation>
    </message>
    <message>
        <source>Launch Zoom</source>
        <translation>Lancer Zoom</translation>
    </message>
    <message>
        <source>Launch result</source>
        <translation>Résultat du lancement</translation>
    </message>
</context>
<context>
    <name>LevelMeterWidget</name>
    <message>
        <source>Microphone level</source>
        <translation>Niveau du micro</translation>
    </message>
</context>
<context>
    <name>LicenceDialog</name>
    <message>
        <source>Edit licence</source>
        <translation>Modifier la licence</translation>
    </message>
    <message>
        <source>Add a licence</source>
        <translation>Ajouter une licence</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Account e-mail</source>
        <translation>E-mail du compte</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Participant cap</source>
        <translation>Nombre maximal de participants</translation>
    </message>
    <message>
        <source>Meetings at the same time</source>
        <translation>Réunions simultanées</translation>
    </message>
    <message>
        <source>Reserved for branch</source>
        <translation>Réservée à la bibliothèque</translation>
    </message>
    <message>
        <source>Shared by the network</source>
        <translation>Partagée par le réseau</translation>
    </message>
    <message>
        <source>&amp;Active (can be booked)</source>
        <translation>Ac&amp;tive (peut être réservée)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Delete the saved password</source>
        <translation>Supprimer le mot de passe enregistré</translation>
    </message>
    <message>
        <source>Delete the saved host key</source>
        <translation>Supprimer la clé d&apos;animateur enregistrée</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail :</translation>
    </message>
    <message>
        <source>&amp;Plan:</source>
        <translation>Ab&amp;onnement :</translation>
    </message>
    <message>
        <source>Participant &amp;cap:</source>
        <translation>&amp;Capacité :</translation>
    </message>
    <message>
        <source>&amp;Meetings at once:</source>
        <translation>Réunions &amp;simultanées :</translation>
    </message>
    <message>
        <source>&amp;Branch:</source>
        <translation>&amp;Bibliothèque :</translation>
    </message>
    <message>
        <source>Account pass&amp;word:</source>
        <translation>&amp;Mot de passe du compte :</translation>
    </message>
    <message>
        <source>&amp;Host key:</source>
        <translation>Clé d&apos;&amp;animateur :</translation>
    </message>
    <message>
        <source>Secrets go to the system&apos;s password store, never to the database.</source>
        <translation>Les secrets vont dans le coffre à mots de passe du système, jamais dans la base de données.</translation>
    </message>
    <message>
        <source>Secrets cannot be saved: the password store is not available.</source>
        <translation>Les secrets ne peuvent pas être enregistrés : le coffre à mots de passe n&apos;est pas disponible.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Saved — type to replace</source>
        <translation>Enregistré — saisissez pour remplacer</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
</context>
<context>
    <name>LicencesArea</name>
    <message>
        <source>Password store</source>
        <translation>Coffre à mots de passe</translation>
    </message>
    <message>
        <source>Checking the password store…</source>
        <translation>Vérification du coffre à mots de passe…</translation>
    </message>
    <message>
        <source>Password store status</source>
        <translation>État du coffre à mots de passe</translation>
    </message>
    <message>
        <source>Chec&amp;k again</source>
        <translation>&amp;Vérifier de nouveau</translation>
    </message>
    <message>
        <source>Check the password store again</source>
        <translation>Vérifier de nouveau le coffre à mots de passe</translation>
    </message>
    <message>
        <source>Licence actions</source>
        <translation>Actions sur les licences</translation>
    </message>
    <message>
        <source>&amp;Add licence…</source>
        <translation>&amp;Ajouter une licence…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Désactiver</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Cap</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>At once</source>
        <translation>Simultanées</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Secrets saved</source>
        <translation>Secrets enregistrés</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Licences</translation>
    </message>
    <message>
        <source>Booking buffers (whole network)</source>
        <translation>Marges de réservation (tout le réseau)</translation>
    </message>
    <message>
        <source>Minutes held before each session</source>
        <translation>Minutes réservées avant chaque séance</translation>
    </message>
    <message>
        <source>Minutes held after each session</source>
        <translation>Minutes réservées après chaque séance</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>A&amp;pply buffers</source>
        <translation>Appli&amp;quer les marges</translation>
    </message>
    <message>
        <source>Apply the booking buffers</source>
        <translation>Appliquer les marges de réservation</translation>
    </message>
    <message>
        <source>Be&amp;fore:</source>
        <translation>Ava&amp;nt :</translation>
    </message>
    <message>
        <source>Af&amp;ter:</source>
        <translation>Ap&amp;rès&#xa0;:</translation>
    </message>
    <message>
        <source>Result of the last buffer change</source>
        <translation>Résultat du dernier changement de marges</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>Planning</translation>
    </message>
    <message>
        <source>First day of the planning</source>
        <translation>Premier jour du planning</translation>
    </message>
    <message>
        <source>Planning period</source>
        <translation>Période du planning</translation>
    </message>
    <message>
        <source>One day</source>
        <translation>Un jour</translation>
    </message>
    <message>
        <source>One week</source>
        <translation>Une semaine</translation>
    </message>
    <message>
        <source>Two weeks</source>
        <translation>Deux semaines</translation>
    </message>
    <message>
        <source>◀ &amp;Previous</source>
        <translation>◀ &amp;Précédent</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Période précédente</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>S&amp;uivant ▶</translation>
    </message>
    <message>
        <source>Next period</source>
        <translation>Période suivante</translation>
    </message>
    <message>
        <source>Bookings and free gaps per licence</source>
        <translation>Réservations et créneaux libres par licence</translation>
    </message>
    <message>
        <source>Licence / time</source>
        <translation>Licence / horaire</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Partagée</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Réservé</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Libre</translation>
    </message>
    <message>
        <source>Needs the database server, which cannot be reached now.</source>
        <translation>Nécessite le serveur de base de données, injoignable pour le moment.</translation>
    </message>
    <message>
        <source>Acti&amp;vate</source>
        <translation>A&amp;ctiver</translation>
    </message>
    <message>
        <source>Remove licence</source>
        <translation>Supprimer la licence</translation>
    </message>
    <message>
        <source>Remove “{label}” and its saved secrets?</source>
        <translation>Supprimer « {label} » et ses secrets enregistrés ?</translation>
    </message>
    <message numerus="yes">
        <source>✔ Saved: %n upcoming booking(s) now held under these buffers.</source>
        <translation>
            <numerusform>✔ Enregistré : %n réservation à venir suit désormais ces marges.</numerusform>
            <numerusform>✔ Enregistré : %n réservations à venir suivent désormais ces marges.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Régie — remote sessions desk</source>
        <translation>Régie — pupitre des séances à distance</translation>
    </message>
    <message>
        <source>Work areas</source>
        <translation>Espaces de travail</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Database in use</source>
        <translation>Base de données utilisée</translation>
    </message>
    <message>
        <source>Writes waiting for the server</source>
        <translation>Enregistrements en attente du serveur</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n en attente d’envoi</numerusform>
            <numerusform>%n en attente d’envoi</numerusform>
        </translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base : %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Load &amp;demo network…</source>
        <translation>Charger la &amp;démonstration…</translation>
    </message>
    <message>
        <source>&amp;Back up the database…</source>
        <translation>&amp;Sauvegarder la base…</translation>
    </message>
    <message>
        <source>&amp;Network database…</source>
        <translation>Base &amp;réseau…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;Tutorials</source>
        <translation>&amp;Tutoriels</translation>
    </message>
    <message>
        <source>A&amp;ccessibility statement</source>
        <translation>Dé&amp;claration d&apos;accessibilité</translation>
    </message>
    <message>
        <source>&amp;About Régie</source>
        <translation>À &amp;propos de Régie</translation>
    </message>
    <message>
        <source>About Régie</source>
        <translation>À propos de Régie</translation>
    </message>
    <message>
        <source>&lt;b&gt;Régie %1&lt;/b&gt;&lt;p&gt;Prepare, launch and report on the library network&apos;s remote and hybrid cultural sessions.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Régie %1&lt;/b&gt;&lt;p&gt;Préparer, lancer et suivre les séances culturelles à distance et hybrides du réseau des bibliothèques.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Son</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>Listes de contrôle</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Licences</translation>
    </message>
    <message>
        <source>Activity report</source>
        <translation>Rapport d&apos;activité</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Matériel</translation>
    </message>
    <message>
        <source>&amp;Prepare…</source>
        <translation>Prépar&amp;er…</translation>
    </message>
    <message>
        <source>Prepare the selected session step by step (Ctrl+Shift+P)</source>
        <translation>Préparer la séance choisie, étape par étape (Ctrl+Maj+P)</translation>
    </message>
    <message>
        <source>Check the &amp;camera</source>
        <translation>Vérifier la &amp;caméra</translation>
    </message>
    <message>
        <source>Check the &amp;sound</source>
        <translation>Vérifier le &amp;son</translation>
    </message>
    <message>
        <source>Chec&amp;klist</source>
        <translation>Lis&amp;te de contrôle</translation>
    </message>
    <message>
        <source>&amp;Attendance…</source>
        <translation>&amp;Fréquentation…</translation>
    </message>
    <message>
        <source>&amp;Registrations…</source>
        <translation>&amp;Inscriptions…</translation>
    </message>
    <message>
        <source>Registrations and waiting list of the selected session (Ctrl+Shift+I)</source>
        <translation>Inscriptions et liste d’attente de la séance sélectionnée (Ctrl+Maj+I)</translation>
    </message>
</context>
<context>
    <name>NetworkDatabaseDialog</name>
    <message>
        <source>Network database</source>
        <translation>Base de données réseau</translation>
    </message>
    <message>
        <source>Every computer of the network can share one PostgreSQL database, so that licence bookings are seen everywhere at once. Ask your technician for its address. The password is kept in this computer&apos;s password store.</source>
        <translation>Tous les ordinateurs du réseau peuvent partager une même base PostgreSQL : les réservations de licences sont alors vues partout en même temps. Demandez son adresse à votre technicien. Le mot de passe est gardé dans le coffre à mots de passe de cet ordinateur.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>(already in the password store)</source>
        <translation>(déjà dans le coffre à mots de passe)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe :</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>&amp;Test the connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>&amp;Use this database</source>
        <translation>&amp;Utiliser cette base</translation>
    </message>
    <message>
        <source>Back to the &amp;local database</source>
        <translation>Revenir à la base &amp;locale</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Type the server&apos;s address, e.g. postgresql://regie@serveur/regie.</source>
        <translation>Saisissez l&apos;adresse du serveur, par exemple postgresql://regie@serveur/regie.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion en cours…</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Connexion réussie à %1.</translation>
    </message>
    <message>
        <source>Régie will open %1 from its next start. Restart Régie now.</source>
        <translation>Régie ouvrira %1 à partir de son prochain démarrage. Relancez Régie maintenant.</translation>
    </message>
    <message>
        <source>Régie will open the database of this computer from its next start.</source>
        <translation>Régie ouvrira la base de cet ordinateur à partir de son prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
</context>
<context>
    <name>PlanningChart</name>
    <message>
        <source>Planning chart of the licences</source>
        <translation>Planning graphique des licences</translation>
    </message>
</context>
<context>
    <name>PreparePage</name>
    <message>
        <source>Opens the Camera area for this session: start the check; the result is saved for it.</source>
        <translation>Ouvre la Caméra pour cette séance&#xa0;: lancez le test&#xa0;; le résultat est enregistré pour elle.</translation>
    </message>
    <message>
        <source>Opens the Sound area for this session: measure the silence and the voice, then save the result.</source>
        <translation>Ouvre le Son pour cette séance&#xa0;: mesurez le silence et la voix, puis enregistrez le résultat.</translation>
    </message>
    <message>
        <source>Opens the checklist of this session at the pause point reached now.</source>
        <translation>Ouvre la liste de contrôle de cette séance au point d’étape atteint maintenant.</translation>
    </message>
    <message>
        <source>Opens the session form, to book a licence.</source>
        <translation>Ouvre la fiche de la séance, pour réserver une licence.</translation>
    </message>
    <message>
        <source>Opens the session form, to enter the Zoom meeting.</source>
        <translation>Ouvre la fiche de la séance, pour saisir la réunion Zoom.</translation>
    </message>
    <message>
        <source>Opens the Zoom meeting and marks the session as running; asks first when something is still to do.</source>
        <translation>Ouvre la réunion Zoom et passe la séance «&#xa0;en cours&#xa0;»&#xa0;; demande d’abord confirmation s’il reste quelque chose à faire.</translation>
    </message>
    <message>
        <source>Opens the attendance of this session: type the counts or import Zoom&apos;s report.</source>
        <translation>Ouvre la fréquentation de cette séance&#xa0;: saisissez les chiffres ou importez le rapport de Zoom.</translation>
    </message>
    <message>
        <source>Opens the Sound area for this session. Hybrid session: also run steps 3 (speakers) and 4 (echo), then save the result.</source>
        <translation>Ouvre le Son pour cette séance. Séance hybride&#xa0;: faites aussi les étapes 3 (haut-parleurs) et 4 (écho), puis enregistrez le résultat.</translation>
    </message>
    <message>
        <source>Opens the licence booked for this session, to save its host key in the keyring.</source>
        <translation>Ouvre la licence réservée pour cette séance, pour enregistrer sa clé d’animateur dans le coffre à mots de passe.</translation>
    </message>
    <message>
        <source>&amp;Back to the list</source>
        <translation>Retour à la &amp;liste</translation>
    </message>
    <message>
        <source>Back to the sessions of the coming days</source>
        <translation>Retour aux séances des prochains jours</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>Préparation</translation>
    </message>
    <message>
        <source>Preparation steps</source>
        <translation>Étapes de la préparation</translation>
    </message>
    <message>
        <source>S&amp;teps:</source>
        <translation>É&amp;tapes&#xa0;:</translation>
    </message>
    <message>
        <source>This step</source>
        <translation>Cette étape</translation>
    </message>
    <message>
        <source>State of the step</source>
        <translation>État de l’étape</translation>
    </message>
    <message>
        <source>What Open does</source>
        <translation>Ce que fait «&#xa0;Ouvrir&#xa0;»</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Open this step for the session</source>
        <translation>Ouvrir cette étape pour la séance</translation>
    </message>
    <message>
        <source>Reason for skipping the step</source>
        <translation>Raison pour laquelle l’étape est passée</translation>
    </message>
    <message>
        <source>e.g. no camera in this room</source>
        <translation>par exemple&#xa0;: pas de caméra dans cette salle</translation>
    </message>
    <message>
        <source>S&amp;kip with this reason</source>
        <translation>&amp;Passer avec cette raison</translation>
    </message>
    <message>
        <source>Skip the step, keeping the reason</source>
        <translation>Passer l’étape en gardant la raison</translation>
    </message>
    <message>
        <source>&amp;Undo the skip</source>
        <translation>&amp;Reprendre l’étape</translation>
    </message>
    <message>
        <source>The step is to be done after all</source>
        <translation>L’étape est à faire finalement</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>Rai&amp;son&#xa0;:</translation>
    </message>
    <message>
        <source>Why the session is ready anyway</source>
        <translation>Pourquoi la séance est prête malgré tout</translation>
    </message>
    <message>
        <source>e.g. a speaker tested the room&apos;s equipment this morning</source>
        <translation>par exemple&#xa0;: l’intervenant a testé le matériel de la salle ce matin</translation>
    </message>
    <message>
        <source>Mark rea&amp;dy by hand</source>
        <translation>Déclarer prête à la &amp;main</translation>
    </message>
    <message>
        <source>Mark the session ready although steps are left, keeping the reason</source>
        <translation>Déclarer la séance prête malgré les étapes restantes, en gardant la raison</translation>
    </message>
    <message>
        <source>Undo ready by ha&amp;nd</source>
        <translation>A&amp;nnuler «&#xa0;prête à la main&#xa0;»</translation>
    </message>
    <message>
        <source>The session is ready only when its steps say so</source>
        <translation>La séance n’est prête que lorsque ses étapes le disent</translation>
    </message>
    <message>
        <source>Ready anyway, because:</source>
        <translation>Prête malgré tout, parce que&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Readiness sheet (PDF)…</source>
        <translation>Fic&amp;he de préparation (PDF)…</translation>
    </message>
    <message>
        <source>Save the readiness sheet as PDF</source>
        <translation>Enregistrer la fiche de préparation en PDF</translation>
    </message>
    <message>
        <source>Reading the session…</source>
        <translation>Lecture de la séance…</translation>
    </message>
    <message>
        <source>Prepare “{title}”</source>
        <translation>Préparer «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>no licence booked</source>
        <translation>aucune licence réservée</translation>
    </message>
    <message>
        <source>still to do: {steps}</source>
        <translation>reste à faire&#xa0;: {steps}</translation>
    </message>
    <message>
        <source>Step skipped; the reason is kept.</source>
        <translation>Étape passée&#xa0;; la raison est conservée.</translation>
    </message>
    <message>
        <source>The step is to be done again.</source>
        <translation>L’étape est de nouveau à faire.</translation>
    </message>
    <message>
        <source>The session is ready only when its steps say so.</source>
        <translation>La séance n’est prête que lorsque ses étapes le disent.</translation>
    </message>
    <message>
        <source>The session is marked ready; the reason is kept.</source>
        <translation>La séance est déclarée prête&#xa0;; la raison est gardée.</translation>
    </message>
    <message>
        <source>Save the readiness sheet</source>
        <translation>Enregistrer la fiche de préparation</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Enregistré&#xa0;: {path}</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Lecteur</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>Fichier %1</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Alias</source>
        <comment>macOS Finder</comment>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <comment>Windows</comment>
        <translation>Raccourci</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans&#xa0;:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ReadinessSheet</name>
    <message>
        <source>Readiness sheet — {title}</source>
        <translation>Fiche de préparation — {title}</translation>
    </message>
    <message>
        <source>When: {day}, {start}–{end}</source>
        <translation>Quand&#xa0;: le {day}, de {start} à {end}</translation>
    </message>
    <message>
        <source>Branch: {branch} · Mode: {mode} · Type: {type}</source>
        <translation>Bibliothèque&#xa0;: {branch} · Mode&#xa0;: {mode} · Type&#xa0;: {type}</translation>
    </message>
    <message>
        <source>Licence: {licence} · Host: {host} · Status: {status}</source>
        <translation>Licence&#xa0;: {licence} · Animation&#xa0;: {host} · Statut&#xa0;: {status}</translation>
    </message>
    <message>
        <source>Still to do before the launch: {steps}</source>
        <translation>Reste à faire avant le lancement&#xa0;: {steps}</translation>
    </message>
    <message>
        <source>Prepared by: ____________________   Initials: ______</source>
        <translation>Préparée par&#xa0;: ____________________   Initiales&#xa0;: ______</translation>
    </message>
    <message>
        <source>Checked again at: ______   Notes: __________________________</source>
        <translation>Revérifiée à&#xa0;: ______   Notes&#xa0;: __________________________</translation>
    </message>
    <message>
        <source>Printed by Régie on {when}</source>
        <translation>Imprimée par Régie le {when}</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
</context>
<context>
    <name>RegistrationsDialog</name>
    <message>
        <source>Registrations</source>
        <translation>Inscriptions</translation>
    </message>
    <message>
        <source>Registrations of the session</source>
        <translation>Inscriptions de la séance</translation>
    </message>
    <message>
        <source>Reading the registrations…</source>
        <translation>Lecture des inscriptions…</translation>
    </message>
    <message>
        <source>Forecast advice</source>
        <translation>Conseil de la prévision</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>Add the registration</source>
        <translation>Ajouter l’inscription</translation>
    </message>
    <message>
        <source>Add from a &amp;list…</source>
        <translation>Ajouter depuis une &amp;liste…</translation>
    </message>
    <message>
        <source>Add everyone in a registration list</source>
        <translation>Ajouter toutes les personnes d’une liste d’inscription</translation>
    </message>
    <message>
        <source>Register someone</source>
        <translation>Inscrire une personne</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>N&amp;om&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Téléphone&#xa0;:</translation>
    </message>
    <message>
        <source>Cancel the &amp;registration</source>
        <translation>A&amp;nnuler l’inscription</translation>
    </message>
    <message>
        <source>&amp;Give a place</source>
        <translation>&amp;Donner une place</translation>
    </message>
    <message>
        <source>Give a place to the selected person</source>
        <translation>Donner une place à la personne sélectionnée</translation>
    </message>
    <message>
        <source>A place is free: offer it to the next person</source>
        <translation>Une place est libre&#xa0;: proposez-la à la personne suivante</translation>
    </message>
    <message>
        <source>Message to send</source>
        <translation>Message à envoyer</translation>
    </message>
    <message>
        <source>C&amp;opy the message</source>
        <translation>Co&amp;pier le message</translation>
    </message>
    <message>
        <source>Sent: give them the place</source>
        <translation>Envoyé&#xa0;: lui donner la place</translation>
    </message>
    <message>
        <source>Registrations — {title}</source>
        <translation>Inscriptions — {title}</translation>
    </message>
    <message>
        <source>{title} · {day} · capacity {capacity}</source>
        <translation>{title} · {day} · jauge {capacity}</translation>
    </message>
    <message>
        <source>{registered} registered of {accept} accepted · {waiting} on the waiting list · {cancelled} cancelled · {promoted} given a place from the list</source>
        <translation>{registered} inscrits sur {accept} acceptés · {waiting} en liste d’attente · {cancelled} annulés · {promoted} passés de la liste à une place</translation>
    </message>
    <message>
        <source>After the session: {registered} registered, {connected} connected, {on_site} on site.</source>
        <translation>Après la séance&#xa0;: {registered} inscrits, {connected} connectés, {on_site} sur place.</translation>
    </message>
    <message>
        <source>Was the advice right? Judged on {sessions} sessions held, each from the sessions before it: more people than places {overflowed} times out of {followed} (accepted risk {risk} %); no-show rate off by {error} points on average.</source>
        <translation>Le conseil était-il juste&#xa0;? Jugé sur {sessions} séances tenues, chacune d’après les séances d’avant&#xa0;: plus de personnes que de places {overflowed} fois sur {followed} (risque accepté {risk}&#xa0;%)&#xa0;; taux d’absents décalé de {error} points en moyenne.</translation>
    </message>
    <message>
        <source>(personal data purged)</source>
        <translation>(données personnelles effacées)</translation>
    </message>
    <message>
        <source>Registration list</source>
        <translation>Liste d’inscription</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>Fichiers CSV (*.csv *.txt)</translation>
    </message>
    <message>
        <source>A place is free: offer it to {name} (first on the waiting list)</source>
        <translation>Une place est libre&#xa0;: proposez-la à {name} (première sur la liste d’attente)</translation>
    </message>
</context>
<context>
    <name>ReportArea</name>
    <message>
        <source>First day of the period</source>
        <translation>Premier jour de la période</translation>
    </message>
    <message>
        <source>Last day of the period</source>
        <translation>Dernier jour de la période</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>A&amp;u</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>&amp;Branch</source>
        <translation>&amp;Bibliothèque</translation>
    </message>
    <message>
        <source>Whole network</source>
        <translation>Tout le réseau</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exporter en &amp;CSV…</translation>
    </message>
    <message>
        <source>Export the report as CSV for Excel</source>
        <translation>Exporter le rapport en CSV pour Excel</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>Exporter en &amp;PDF…</translation>
    </message>
    <message>
        <source>Export the report as PDF</source>
        <translation>Exporter le rapport en PDF</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Actualise&amp;r</translation>
    </message>
    <message>
        <source>Recompute the report</source>
        <translation>Recalculer le rapport</translation>
    </message>
    <message>
        <source>Yearly s&amp;urvey…</source>
        <translation>Enquête a&amp;nnuelle…</translation>
    </message>
    <message>
        <source>Export the yearly survey&apos;s figures</source>
        <translation>Exporter les chiffres de l’enquête annuelle</translation>
    </message>
    <message>
        <source>Sessions by type</source>
        <translation>Séances par type</translation>
    </message>
    <message>
        <source>Sessions by branch</source>
        <translation>Séances par bibliothèque</translation>
    </message>
    <message>
        <source>Chart: sessions per week</source>
        <translation>Graphique : séances par semaine</translation>
    </message>
    <message>
        <source>Chart: no-show by session type</source>
        <translation>Graphique : absents par type de séance</translation>
    </message>
    <message>
        <source>Chart: no-show by branch</source>
        <translation>Graphique : absents par bibliothèque</translation>
    </message>
    <message>
        <source>Report views</source>
        <translation>Vues du rapport</translation>
    </message>
    <message>
        <source>By t&amp;ype</source>
        <translation>Par t&amp;ype</translation>
    </message>
    <message>
        <source>By bra&amp;nch</source>
        <translation>Par bibliothè&amp;que</translation>
    </message>
    <message>
        <source>Per &amp;week</source>
        <translation>Par &amp;semaine</translation>
    </message>
    <message>
        <source>No-&amp;show</source>
        <translation>Absen&amp;ts</translation>
    </message>
    <message>
        <source>Report status</source>
        <translation>État du rapport</translation>
    </message>
    <message>
        <source>The period ends before it starts: change the dates.</source>
        <translation>La période se termine avant de commencer : modifiez les dates.</translation>
    </message>
    <message>
        <source>Computing the report…</source>
        <translation>Calcul du rapport…</translation>
    </message>
    <message>
        <source>{n} sessions held · no-show {rate}</source>
        <translation>{n} séances tenues · absents {rate}</translation>
    </message>
    <message>
        <source>Export the report as CSV</source>
        <translation>Exporter le rapport en CSV</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV pour Excel (*.csv)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Enregistré : {path}</translation>
    </message>
</context>
<context>
    <name>ResultTarget</name>
    <message>
        <source>This result is a test of the equipment (no session).</source>
        <translation>Ce résultat est un test du matériel (sans séance).</translation>
    </message>
    <message>
        <source>This result is for the session “{title}”, {when}</source>
        <translation>Ce résultat concerne la séance «&#xa0;{title}&#xa0;», {when}</translation>
    </message>
</context>
<context>
    <name>SessionActions</name>
    <message>
        <source>“{title}” is not ready. Still to do:</source>
        <translation>«&#xa0;{title}&#xa0;» n’est pas prête. Reste à faire&#xa0;:</translation>
    </message>
    <message>
        <source>Launch Zoom anyway?</source>
        <translation>Lancer Zoom quand même&#xa0;?</translation>
    </message>
    <message>
        <source>Launch a session that is not ready</source>
        <translation>Lancer une séance qui n’est pas prête</translation>
    </message>
    <message>
        <source>&amp;Launch anyway</source>
        <translation>&amp;Lancer quand même</translation>
    </message>
    <message>
        <source>Launch Zoom although the session is not ready</source>
        <translation>Lancer Zoom bien que la séance ne soit pas prête</translation>
    </message>
</context>
<context>
    <name>SessionCard</name>
    <message>
        <source>no licence booked</source>
        <translation>aucune licence réservée</translation>
    </message>
    <message>
        <source>{action} — {title}</source>
        <translation>{action} — {title}</translation>
    </message>
    <message>
        <source>Prepare…</source>
        <translation>Préparer…</translation>
    </message>
    <message>
        <source>Prepare “{title}”, step by step</source>
        <translation>Préparer «&#xa0;{title}&#xa0;», étape par étape</translation>
    </message>
    <message>
        <source>Registrations and forecast</source>
        <translation>Inscriptions et prévision</translation>
    </message>
    <message>
        <source>Registrations…</source>
        <translation>Inscriptions…</translation>
    </message>
    <message>
        <source>Registrations of “{title}”</source>
        <translation>Inscriptions de «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>{registered} registered of {accept} · {waiting} waiting. {advice}</source>
        <translation>{registered} inscrits sur {accept} · {waiting} en attente. {advice}</translation>
    </message>
</context>
<context>
    <name>SessionChoiceDialog</name>
    <message>
        <source>Which session was this check for?</source>
        <translation>Pour quelle séance était cette vérification&#xa0;?</translation>
    </message>
    <message>
        <source>This check was not started from a session. Choose the session it was for, or say it was a test of the equipment.</source>
        <translation>Cette vérification n’a pas été lancée depuis une séance. Choisissez la séance concernée, ou indiquez qu’il s’agissait d’un test du matériel.</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>All branches</source>
        <translation>Toutes les bibliothèques</translation>
    </message>
    <message>
        <source>&amp;Branch:</source>
        <translation>&amp;Bibliothèque&#xa0;:</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>Sess&amp;ion:</source>
        <translation>Séa&amp;nce&#xa0;:</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Save the &amp;result</source>
        <translation>Enregistrer le &amp;résultat</translation>
    </message>
    <message>
        <source>Save the result for this choice</source>
        <translation>Enregistrer le résultat pour ce choix</translation>
    </message>
    <message>
        <source>Not &amp;now</source>
        <translation>Pas &amp;maintenant</translation>
    </message>
    <message>
        <source>Do not save the result now</source>
        <translation>Ne pas enregistrer le résultat maintenant</translation>
    </message>
    <message>
        <source>The sessions cannot be read now ({error}). The result can still be saved as a test of the equipment.</source>
        <translation>Les séances ne peuvent pas être lues pour l’instant ({error}). Le résultat peut tout de même être enregistré comme test du matériel.</translation>
    </message>
    <message>
        <source>No session — equipment test</source>
        <translation>Aucune séance — test du matériel</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>New session</source>
        <translation>Nouvelle séance</translation>
    </message>
    <message>
        <source>e.g. Reading circle: winter novels</source>
        <translation>ex. : Cercle de lecteurs : romans d&apos;hiver</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Session type</source>
        <translation>Type de séance</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Heure de début</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Heure de fin</translation>
    </message>
    <message>
        <source>from</source>
        <translation>de</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Jauge</translation>
    </message>
    <message>
        <source>How many people may register (the jauge).</source>
        <translation>Nombre de personnes pouvant s&apos;inscrire (la jauge).</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Animateur ou animatrice</translation>
    </message>
    <message>
        <source>(nobody yet)</source>
        <translation>(personne pour l&apos;instant)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>T&amp;ype</translation>
    </message>
    <message>
        <source>&amp;Branch</source>
        <translation>&amp;Bibliothèque</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>&amp;Mode</translation>
    </message>
    <message>
        <source>&amp;Capacity</source>
        <translation>&amp;Jauge</translation>
    </message>
    <message>
        <source>Registrations to accept</source>
        <translation>Inscriptions à accepter</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>&amp;Animation</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Statut</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>Enter the capacity to see how many registrations to accept.</source>
        <translation>Saisissez la jauge pour voir combien d’inscriptions accepter.</translation>
    </message>
    <message>
        <source>Licence and meeting</source>
        <translation>Licence et réunion</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Licence check</source>
        <translation>Vérification de la licence</translation>
    </message>
    <message>
        <source>Meeting ID</source>
        <translation>Numéro de réunion</translation>
    </message>
    <message>
        <source>e.g. 123 4567 8901</source>
        <translation>ex.&#xa0;: 123 4567 8901</translation>
    </message>
    <message>
        <source>Join link</source>
        <translation>Lien d&apos;invitation</translation>
    </message>
    <message>
        <source>Paste the invitation link: it fills the ID and the passcode</source>
        <translation>Collez le lien d&apos;invitation&#xa0;: il remplit le numéro et le code secret</translation>
    </message>
    <message>
        <source>Passcode</source>
        <translation>Code secret</translation>
    </message>
    <message>
        <source>Remo&amp;ve the stored passcode</source>
        <translation>Su&amp;pprimer le code secret enregistré</translation>
    </message>
    <message>
        <source>Remove the stored passcode</source>
        <translation>Supprimer le code secret enregistré</translation>
    </message>
    <message>
        <source>&amp;Licence</source>
        <translation>&amp;Licence</translation>
    </message>
    <message>
        <source>&amp;Join link</source>
        <translation>Lien d&apos;&amp;invitation</translation>
    </message>
    <message>
        <source>Meeting &amp;ID</source>
        <translation>N° de &amp;réunion</translation>
    </message>
    <message>
        <source>&amp;Passcode</source>
        <translation>&amp;Code secret</translation>
    </message>
    <message>
        <source>Checking the licences…</source>
        <translation>Vérification des licences…</translation>
    </message>
    <message>
        <source>No licence</source>
        <translation>Aucune licence</translation>
    </message>
    <message>
        <source>Best free licence (now: %1)</source>
        <translation>Meilleure licence libre (actuellement&#xa0;: %1)</translation>
    </message>
    <message>
        <source>Best free licence (none is free)</source>
        <translation>Meilleure licence libre (aucune n&apos;est libre)</translation>
    </message>
    <message>
        <source>free (%1 participants)</source>
        <translation>libre (%1 participants)</translation>
    </message>
    <message>
        <source>booked at that time</source>
        <translation>réservée à cet horaire</translation>
    </message>
    <message>
        <source>booked for “%1” (session %2) at %3</source>
        <translation>réservée pour «&#xa0;%1&#xa0;» (séance %2) à %3</translation>
    </message>
    <message>
        <source>admits %1 participants, the session expects %2</source>
        <translation>admet %1 participants, la séance en attend %2</translation>
    </message>
    <message>
        <source>reserved for another branch</source>
        <translation>réservée à une autre bibliothèque</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>désactivée</translation>
    </message>
    <message>
        <source>“%1” will be booked when you save.</source>
        <translation>«&#xa0;%1&#xa0;» sera réservée à l&apos;enregistrement.</translation>
    </message>
    <message>
        <source>Free at that time: it will be booked when you save.</source>
        <translation>Libre à cet horaire&#xa0;: elle sera réservée à l&apos;enregistrement.</translation>
    </message>
    <message>
        <source>The session will have no licence.</source>
        <translation>La séance n&apos;aura pas de licence.</translation>
    </message>
    <message>
        <source>Meeting ID and passcode taken from the link.</source>
        <translation>Numéro de réunion et code secret repris du lien.</translation>
    </message>
    <message>
        <source>Meeting ID taken from the link (it has no passcode).</source>
        <translation>Numéro de réunion repris du lien (il n&apos;a pas de code secret).</translation>
    </message>
    <message>
        <source>The stored passcode will be removed when you save.</source>
        <translation>Le code secret enregistré sera supprimé à l&apos;enregistrement.</translation>
    </message>
    <message>
        <source>•••• kept in the keyring; type a new one to replace it</source>
        <translation>•••• conservé dans le trousseau&#xa0;; saisissez-en un autre pour le remplacer</translation>
    </message>
    <message>
        <source>Kept in the keyring only</source>
        <translation>Conservé dans le trousseau uniquement</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Horaire</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Jauge</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Animation</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
</context>
<context>
    <name>SessionsArea</name>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>To come (planned, ready)</source>
        <translation>À venir (prévues, prêtes)</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminées</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulées</translation>
    </message>
    <message>
        <source>Session details and readiness</source>
        <translation>Détails de la séance et préparation</translation>
    </message>
    <message>
        <source>Number of sessions shown</source>
        <translation>Nombre de séances affichées</translation>
    </message>
    <message>
        <source>Search titles…</source>
        <translation>Rechercher dans les titres…</translation>
    </message>
    <message>
        <source>Search titles</source>
        <translation>Rechercher dans les titres</translation>
    </message>
    <message>
        <source>Filter by branch</source>
        <translation>Filtrer par bibliothèque</translation>
    </message>
    <message>
        <source>Filter by type</source>
        <translation>Filtrer par type</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtrer par statut</translation>
    </message>
    <message>
        <source>F&amp;rom</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <source>Filter from a date</source>
        <translation>Filtrer à partir d&apos;une date</translation>
    </message>
    <message>
        <source>First day shown</source>
        <translation>Premier jour affiché</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>A&amp;u</translation>
    </message>
    <message>
        <source>Filter until a date</source>
        <translation>Filtrer jusqu&apos;à une date</translation>
    </message>
    <message>
        <source>Last day shown</source>
        <translation>Dernier jour affiché</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>Session actions</source>
        <translation>Actions sur les séances</translation>
    </message>
    <message>
        <source>&amp;New session</source>
        <translation>&amp;Nouvelle séance</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifier</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>Du&amp;pliquer</translation>
    </message>
    <message>
        <source>Ca&amp;ncel session</source>
        <translation>A&amp;nnuler la séance</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Actualise&amp;r</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>All branches</source>
        <translation>Toutes les bibliothèques</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) shown</source>
        <translation>
            <numerusform>%n séance affichée</numerusform>
            <numerusform>%n séances affichées</numerusform>
        </translation>
    </message>
    <message>
        <source>read-only copy from %1</source>
        <translation>copie en lecture seule du %1</translation>
    </message>
    <message>
        <source>Needs the database server, which cannot be reached now.</source>
        <translation>Nécessite le serveur de base de données, injoignable pour le moment.</translation>
    </message>
    <message>
        <source>Select a session to see its details and whether it is ready.</source>
        <translation>Sélectionnez une séance pour voir ses détails et si elle est prête.</translation>
    </message>
    <message>
        <source>Capacity: %1</source>
        <translation>Jauge : %1</translation>
    </message>
    <message>
        <source>Host: %1</source>
        <translation>Animation : %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Statut : %1</translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>Préparation</translation>
    </message>
    <message>
        <source>Licence: %1</source>
        <translation>Licence : %1</translation>
    </message>
    <message>
        <source>No licence assigned yet.</source>
        <translation>Aucune licence attribuée pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Device checks are shown when the server answers again.</source>
        <translation>Les tests de matériel s’afficheront quand le serveur répondra de nouveau.</translation>
    </message>
    <message>
        <source>Reading the device checks…</source>
        <translation>Lecture des vérifications du matériel…</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Son</translation>
    </message>
    <message>
        <source>%1: not checked yet.</source>
        <translation>%1 : pas encore vérifié.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nouvelle séance</translation>
    </message>
    <message>
        <source>Edit session</source>
        <translation>Modifier la séance</translation>
    </message>
    <message>
        <source>Duplicate session</source>
        <translation>Dupliquer la séance</translation>
    </message>
    <message>
        <source>Cancel session</source>
        <translation>Annuler la séance</translation>
    </message>
    <message>
        <source>Cancel “%1”? It stays in the list as cancelled and frees its licence.</source>
        <translation>Annuler « %1 » ? La séance reste dans la liste, marquée annulée, et sa licence est libérée.</translation>
    </message>
</context>
<context>
    <name>StaffChoiceDialog</name>
    <message>
        <source>Staff members</source>
        <translation>Membres du personnel</translation>
    </message>
    <message>
        <source>&amp;Staff member:</source>
        <translation>&amp;Membre du personnel&#xa0;:</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>No staff member is registered yet: add one in the database first.</source>
        <translation>Aucun membre du personnel n’est encore enregistré&#xa0;: ajoutez-en un d’abord dans la base de données.</translation>
    </message>
</context>
<context>
    <name>StartupPage</name>
    <message>
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
    <message>
        <source>Start-up status</source>
        <translation>État du démarrage</translation>
    </message>
    <message>
        <source>Opening the database</source>
        <translation>Ouverture de la base de données</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <source>Yearly survey</source>
        <translation>Enquête annuelle</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Sessions held and cancelled, participants, unique registrants, hours, remote and hybrid sessions: by session type, by branch and for the network, with the definitions used.</source>
        <translation>Séances tenues et annulées, participants, inscrits uniques, heures, séances à distance et hybrides&#xa0;: par type de séance, par bibliothèque et pour le réseau, avec les définitions utilisées.</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exporter en &amp;CSV…</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>Exporter en P&amp;DF…</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Année&#xa0;:</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV pour Excel (*.csv)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Counting the year…</source>
        <translation>Décompte de l’année…</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Enregistré&#xa0;: {path}</translation>
    </message>
</context>
<context>
    <name>TodayArea</name>
    <message>
        <source>Your branch</source>
        <translation>Votre bibliothèque</translation>
    </message>
    <message>
        <source>&amp;Branch:</source>
        <translation>&amp;Bibliothèque&#xa0;:</translation>
    </message>
    <message>
        <source>Number of days shown, today included</source>
        <translation>Nombre de jours affichés, aujourd’hui compris</translation>
    </message>
    <message>
        <source>&amp;Days shown:</source>
        <translation>&amp;Jours affichés&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Actualise&amp;r</translation>
    </message>
    <message>
        <source>Read the sessions again</source>
        <translation>Relire les séances</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>Conseil</translation>
    </message>
    <message>
        <source>Nothing to prepare</source>
        <translation>Rien à préparer</translation>
    </message>
    <message>
        <source>Scroll through the sessions</source>
        <translation>Faire défiler les séances</translation>
    </message>
    <message>
        <source>Whole network</source>
        <translation>Tout le réseau</translation>
    </message>
    <message>
        <source>the whole network</source>
        <translation>tout le réseau</translation>
    </message>
    <message>
        <source>The network has no branch yet: load the demo network (File menu) or add your branches and sessions.</source>
        <translation>Le réseau n’a encore aucune bibliothèque&#xa0;: chargez la démonstration (menu Fichier) ou ajoutez vos bibliothèques et vos séances.</translation>
    </message>
    <message>
        <source>Choose your branch above (Alt+B): Régie remembers it on this computer. “Whole network” shows every branch.</source>
        <translation>Choisissez votre bibliothèque ci-dessus (Alt+B)&#xa0;: Régie s’en souvient sur cet ordinateur. «&#xa0;Tout le réseau&#xa0;» montre toutes les bibliothèques.</translation>
    </message>
    <message>
        <source>No session today for {place}: nothing to prepare.</source>
        <translation>Aucune séance aujourd’hui pour {place}&#xa0;: rien à préparer.</translation>
    </message>
    <message numerus="yes">
        <source>No session today or in the next %n day(s) for {place}: nothing to prepare.</source>
        <translation>
            <numerusform>Aucune séance aujourd’hui ni demain pour {place}&#xa0;: rien à préparer.</numerusform>
            <numerusform>Aucune séance aujourd’hui ni dans les %n jours suivants pour {place}&#xa0;: rien à préparer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show more days, choose another branch, or plan a session in the Sessions area (Ctrl+2).</source>
        <translation>Affichez plus de jours, choisissez une autre bibliothèque, ou programmez une séance dans Séances (Ctrl+2).</translation>
    </message>
    <message>
        <source>No session for {place} this day.</source>
        <translation>Aucune séance pour {place} ce jour-là.</translation>
    </message>
    <message>
        <source>Aujourd&apos;hui needs the database server, which cannot be reached. The Sessions area shows the last known sessions; device checks, checklists and attendance counts still work. This list comes back by itself once the server answers.</source>
        <translation>Aujourd’hui a besoin du serveur de la base, injoignable pour l’instant. Séances montre les dernières séances connues&#xa0;; les tests des appareils, les listes de contrôle et la saisie de la fréquentation fonctionnent toujours. Cette liste revient d’elle-même dès que le serveur répond.</translation>
    </message>
</context>
<context>
    <name>TrainingRecordsView</name>
    <message>
        <source>Staff member</source>
        <translation>Membre du personnel</translation>
    </message>
    <message>
        <source>Training records</source>
        <translation>Suivi des formations</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Liste de contrôle</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminée le</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Signed off by</source>
        <translation>Validée par</translation>
    </message>
    <message>
        <source>No training record yet: a guided run appears here once it is signed off.</source>
        <translation>Aucune formation enregistrée : une liste suivie en mode guidé apparaît ici une fois validée.</translation>
    </message>
    <message>
        <source>&amp;Staff member:</source>
        <translation>&amp;Membre du personnel :</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>Training records are kept on the network database, which cannot be reached now: they show again when it answers.</source>
        <translation>Le suivi des formations est conservé sur la base de données du réseau, injoignable pour le moment : il réapparaîtra dès que le serveur répondra.</translation>
    </message>
    <message>
        <source>practice</source>
        <translation>entraînement</translation>
    </message>
</context>
<context>
    <name>_SignOffBar</name>
    <message>
        <source>Staff member signing off</source>
        <translation>Membre du personnel qui valide</translation>
    </message>
    <message>
        <source>Signed off &amp;by:</source>
        <translation>&amp;Validé par :</translation>
    </message>
    <message>
        <source>&amp;Sign off</source>
        <translation>&amp;Valider la liste</translation>
    </message>
    <message>
        <source>Sign off the checklist</source>
        <translation>Valider la liste de contrôle</translation>
    </message>
    <message>
        <source>Sign-off problem</source>
        <translation>Problème de validation</translation>
    </message>
    <message>
        <source>Choose who signs the checklist off.</source>
        <translation>Choisissez qui valide la liste de contrôle.</translation>
    </message>
    <message>
        <source>(choose who signs off)</source>
        <translation>(choisir qui valide)</translation>
    </message>
</context>
<context>
    <name>_SkipBar</name>
    <message>
        <source>Why is this step skipped?</source>
        <translation>Pourquoi passez-vous cette étape ?</translation>
    </message>
    <message>
        <source>Reason for skipping</source>
        <translation>Raison pour passer l’étape</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>&amp;Passer</translation>
    </message>
    <message>
        <source>Skip this step</source>
        <translation>Passer cette étape</translation>
    </message>
</context>
<context>
    <name>audio</name>
    <message>
        <source>Welcome to the library. Today&apos;s session starts in a few minutes; please switch off your phones and enjoy the talk.</source>
        <translation>Bienvenue à la médiathèque. La séance d&apos;aujourd&apos;hui commence dans quelques minutes ; merci d&apos;éteindre vos téléphones et bonne écoute.</translation>
    </message>
    <message>
        <source>No sound</source>
        <translation>Aucun son</translation>
    </message>
    <message>
        <source>Very quiet</source>
        <translation>Très faible</translation>
    </message>
    <message>
        <source>Good level</source>
        <translation>Bon niveau</translation>
    </message>
    <message>
        <source>Loud</source>
        <translation>Fort</translation>
    </message>
    <message>
        <source>Clipping</source>
        <translation>Saturation</translation>
    </message>
    <message>
        <source>No sound from the microphone: check that it is plugged in, switched on and not muted, then choose it in the list.</source>
        <translation>Aucun son du micro : vérifiez qu&apos;il est branché, allumé et pas en sourdine, puis choisissez-le dans la liste.</translation>
    </message>
    <message>
        <source>The microphone sends a frozen signal: unplug it, plug it back in and run the check again.</source>
        <translation>Le micro envoie un signal figé : débranchez-le, rebranchez-le et relancez la vérification.</translation>
    </message>
    <message>
        <source>The microphone is sending sound.</source>
        <translation>Le micro transmet bien le son.</translation>
    </message>
    <message>
        <source>The room is too noisy: close doors and windows, switch off fans or move the microphone away from the noise.</source>
        <translation>Salle trop bruyante : fermez portes et fenêtres, éteignez les ventilateurs ou éloignez le micro du bruit.</translation>
    </message>
    <message>
        <source>Some background noise: close the door or move away from the projector or the fan.</source>
        <translation>Un peu de bruit de fond : fermez la porte ou éloignez-vous du vidéoprojecteur ou du ventilateur.</translation>
    </message>
    <message>
        <source>The room is quiet enough.</source>
        <translation>La salle est assez calme.</translation>
    </message>
    <message>
        <source>Microphone far too quiet: move it close to the speaker and check that it is not muted.</source>
        <translation>Micro beaucoup trop faible : rapprochez-le de l&apos;intervenant et vérifiez qu&apos;il n&apos;est pas en sourdine.</translation>
    </message>
    <message>
        <source>Microphone too quiet: bring it closer to the speaker or raise its input volume.</source>
        <translation>Micro trop faible : rapprochez-le de l&apos;intervenant ou montez son volume d&apos;entrée.</translation>
    </message>
    <message>
        <source>Microphone far too loud: lower its input volume or move it away from the speaker&apos;s mouth.</source>
        <translation>Micro beaucoup trop fort : baissez son volume d&apos;entrée ou éloignez-le de la bouche de l&apos;intervenant.</translation>
    </message>
    <message>
        <source>Microphone a bit loud: lower its input volume slightly.</source>
        <translation>Micro un peu fort : baissez légèrement son volume d&apos;entrée.</translation>
    </message>
    <message>
        <source>The voice comes through at a good level.</source>
        <translation>La voix passe à un bon niveau.</translation>
    </message>
    <message>
        <source>The voice is lost in the noise: bring the microphone closer to the speaker and reduce the room noise.</source>
        <translation>La voix se perd dans le bruit : rapprochez le micro de l&apos;intervenant et réduisez le bruit de la salle.</translation>
    </message>
    <message>
        <source>The voice stands out only a little from the noise: bring the microphone closer to the speaker.</source>
        <translation>La voix se détache peu du bruit : rapprochez le micro de l&apos;intervenant.</translation>
    </message>
    <message>
        <source>The voice stands out clearly from the background noise.</source>
        <translation>La voix se détache nettement du bruit de fond.</translation>
    </message>
    <message>
        <source>The sound saturates: lower the microphone&apos;s input volume or move it away from the speaker.</source>
        <translation>Le son sature : baissez le volume d&apos;entrée du micro ou éloignez-le de l&apos;intervenant.</translation>
    </message>
    <message>
        <source>The sound saturated a few times: lower the microphone&apos;s input volume slightly.</source>
        <translation>Le son a saturé quelques fois : baissez légèrement le volume d&apos;entrée du micro.</translation>
    </message>
    <message>
        <source>No saturation.</source>
        <translation>Aucune saturation.</translation>
    </message>
    <message>
        <source>The microphone signal is off-centre (faulty microphone or cable): try another cable or microphone.</source>
        <translation>Le signal du micro est décentré (micro ou câble défectueux) : essayez un autre câble ou un autre micro.</translation>
    </message>
    <message>
        <source>The microphone signal is slightly off-centre: check the cable and the adapter.</source>
        <translation>Le signal du micro est légèrement décentré : vérifiez le câble et l&apos;adaptateur.</translation>
    </message>
    <message>
        <source>The signal is centred.</source>
        <translation>Le signal est bien centré.</translation>
    </message>
    <message>
        <source>The microphone records at a telephone-like quality: choose another microphone or raise its sample rate in the sound settings.</source>
        <translation>Le micro enregistre en qualité téléphone : choisissez un autre micro ou augmentez sa fréquence d&apos;échantillonnage dans les paramètres du son.</translation>
    </message>
    <message>
        <source>The speakers do not run at the microphone&apos;s sample rate: set the speakers to 48000 Hz in the sound settings.</source>
        <translation>Les haut-parleurs ne tournent pas à la fréquence d&apos;échantillonnage du micro&#xa0;: réglez les haut-parleurs sur 48&#x202f;000 Hz dans les paramètres du son.</translation>
    </message>
    <message>
        <source>The microphone does not run at the speakers&apos; sample rate: set the microphone to 48000 Hz in the sound settings.</source>
        <translation>Le micro ne tourne pas à la fréquence d&apos;échantillonnage des haut-parleurs&#xa0;: réglez le micro sur 48&#x202f;000 Hz dans les paramètres du son.</translation>
    </message>
    <message>
        <source>The microphone and the speakers run at different sample rates: set both to 48000 Hz in the sound settings.</source>
        <translation>Le micro et les haut-parleurs tournent à des fréquences d&apos;échantillonnage différentes&#xa0;: réglez les deux sur 48&#x202f;000 Hz dans les paramètres du son.</translation>
    </message>
    <message>
        <source>The sample rates match.</source>
        <translation>Les fréquences d&apos;échantillonnage concordent.</translation>
    </message>
    <message>
        <source>The tone could not be played: check that the speakers are plugged in and switched on, then choose them in the list.</source>
        <translation>Impossible de jouer le bip : vérifiez que les haut-parleurs sont branchés et allumés, puis choisissez-les dans la liste.</translation>
    </message>
    <message>
        <source>The tone was played and the microphone heard it.</source>
        <translation>Le bip a été joué et le micro l&apos;a entendu.</translation>
    </message>
    <message>
        <source>The tone was played: make sure you heard it in the room.</source>
        <translation>Le bip a été joué : vérifiez que vous l&apos;avez bien entendu dans la salle.</translation>
    </message>
    <message>
        <source>The tone was heard in the room.</source>
        <translation>Le bip a été entendu dans la salle.</translation>
    </message>
    <message>
        <source>The tone was not heard: raise the volume, check that the speakers are switched on and chosen as the output.</source>
        <translation>Bip non entendu : montez le volume, vérifiez que les haut-parleurs sont allumés et choisis comme sortie.</translation>
    </message>
    <message>
        <source>The microphone does not hear the speakers: no echo risk.</source>
        <translation>Le micro n&apos;entend pas les haut-parleurs : pas de risque d&apos;écho.</translation>
    </message>
    <message>
        <source>The microphone hears the speakers strongly (echo risk for remote participants): lower the speakers, move the microphone away from them or use a speakerphone with echo cancellation.</source>
        <translation>Le micro entend fortement les haut-parleurs (risque d&apos;écho pour les participants à distance) : baissez les haut-parleurs, éloignez-en le micro ou utilisez un micro-haut-parleur avec annulation d&apos;écho.</translation>
    </message>
    <message>
        <source>The microphone hears the speakers a little: lower the speaker volume or turn the microphone away from them.</source>
        <translation>Le micro entend un peu les haut-parleurs : baissez leur volume ou tournez le micro dans l&apos;autre sens.</translation>
    </message>
    <message>
        <source>The microphone hears the speakers only faintly: low echo risk.</source>
        <translation>Le micro entend à peine les haut-parleurs : faible risque d&apos;écho.</translation>
    </message>
    <message>
        <source>Microphone signal</source>
        <translation>Signal du micro</translation>
    </message>
    <message>
        <source>Background noise</source>
        <translation>Bruit de fond</translation>
    </message>
    <message>
        <source>Voice level</source>
        <translation>Niveau de la voix</translation>
    </message>
    <message>
        <source>Voice over noise</source>
        <translation>Voix par rapport au bruit</translation>
    </message>
    <message>
        <source>Saturation</source>
        <translation>Saturation</translation>
    </message>
    <message>
        <source>Signal centring</source>
        <translation>Centrage du signal</translation>
    </message>
    <message>
        <source>Sample rate</source>
        <translation>Fréquence d&apos;échantillonnage</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Haut-parleurs</translation>
    </message>
    <message>
        <source>Echo (hybrid room)</source>
        <translation>Écho (salle hybride)</translation>
    </message>
</context>
<context>
    <name>camera</name>
    <message>
        <source>Black picture</source>
        <translation>Image noire</translation>
    </message>
    <message>
        <source>Frozen picture</source>
        <translation>Image figée</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Exposition</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Contraste</translation>
    </message>
    <message>
        <source>Sharpness</source>
        <translation>Netteté</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Couleurs</translation>
    </message>
    <message>
        <source>Face visible</source>
        <translation>Visage visible</translation>
    </message>
    <message>
        <source>Framing</source>
        <translation>Cadrage</translation>
    </message>
    <message>
        <source>Frame rate</source>
        <translation>Fréquence d&apos;images</translation>
    </message>
    <message>
        <source>Dropped frames</source>
        <translation>Images perdues</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Résolution</translation>
    </message>
    <message>
        <source>The picture is black: open the camera&apos;s privacy shutter or remove the lens cap.</source>
        <translation>L&apos;image est noire : ouvrez le cache de la caméra ou retirez le capuchon de l&apos;objectif.</translation>
    </message>
    <message>
        <source>The picture is frozen: close the other programs that use the camera, then unplug and replug it.</source>
        <translation>L&apos;image est figée : fermez les autres programmes qui utilisent la caméra, puis débranchez-la et rebranchez-la.</translation>
    </message>
    <message>
        <source>Flat, greyish picture: light the room evenly and avoid having a window or a lamp in view.</source>
        <translation>Image terne et grisâtre : éclairez la pièce de façon uniforme et évitez d&apos;avoir une fenêtre ou une lampe dans le champ.</translation>
    </message>
    <message>
        <source>Blurry picture: wipe the lens with a soft cloth and sit at least 50 cm from the camera.</source>
        <translation>Image floue : essuyez l&apos;objectif avec un chiffon doux et placez-vous à au moins 50 cm de la caméra.</translation>
    </message>
    <message>
        <source>The colours are off: avoid coloured lights and let the camera set its white balance automatically.</source>
        <translation>Les couleurs sont faussées : évitez les éclairages colorés et laissez la caméra régler sa balance des blancs automatiquement.</translation>
    </message>
    <message>
        <source>Cannot be judged on this picture: fix the light or the black picture first.</source>
        <translation>Impossible à évaluer sur cette image : réglez d&apos;abord la lumière ou le problème d&apos;image noire.</translation>
    </message>
    <message>
        <source>Too dark: turn on the light or face the window.</source>
        <translation>Trop sombre : allumez la lumière ou tournez-vous vers la fenêtre.</translation>
    </message>
    <message>
        <source>Too bright: close the blinds or move away from the lamp or window behind the camera.</source>
        <translation>Trop clair : fermez les stores ou éloignez-vous de la lampe ou de la fenêtre située derrière la caméra.</translation>
    </message>
    <message>
        <source>Backlit: do not sit with a window behind you; face the light instead.</source>
        <translation>Contre-jour : ne vous asseyez pas dos à une fenêtre ; placez-vous face à la lumière.</translation>
    </message>
    <message>
        <source>A bit dark: add a light in front of you.</source>
        <translation>Un peu sombre : ajoutez une lampe devant vous.</translation>
    </message>
    <message>
        <source>A bit bright: part of the picture is washed out; dim the light or close the blinds a little.</source>
        <translation>Un peu trop clair : une partie de l&apos;image est brûlée ; baissez la lumière ou fermez un peu les stores.</translation>
    </message>
    <message>
        <source>Part of the picture is lost in shadow: add a light in front of you.</source>
        <translation>Une partie de l&apos;image est dans l&apos;ombre : ajoutez une lampe devant vous.</translation>
    </message>
    <message>
        <source>Face detection is unavailable on this computer: reinstall Régie.</source>
        <translation>La détection des visages n&apos;est pas disponible sur cet ordinateur : réinstallez Régie.</translation>
    </message>
    <message>
        <source>No face seen: sit facing the camera, in the light.</source>
        <translation>Aucun visage détecté : placez-vous face à la caméra, dans la lumière.</translation>
    </message>
    <message>
        <source>Framing cannot be judged until a face is in the picture.</source>
        <translation>Le cadrage ne peut pas être évalué tant qu&apos;aucun visage n&apos;est à l&apos;image.</translation>
    </message>
    <message>
        <source>You look small in the picture: move closer to the camera.</source>
        <translation>Vous paraissez petit à l&apos;image : rapprochez-vous de la caméra.</translation>
    </message>
    <message>
        <source>You are too close: move back a little.</source>
        <translation>Vous êtes trop près : reculez un peu.</translation>
    </message>
    <message>
        <source>You are off-centre: turn the camera or move your chair so your face is in the middle.</source>
        <translation>Vous êtes décentré : orientez la caméra ou déplacez votre chaise pour avoir le visage au milieu.</translation>
    </message>
    <message>
        <source>Jerky picture: add light (cameras slow down in the dark), close other programs, or plug the camera straight into the computer.</source>
        <translation>Image saccadée : ajoutez de la lumière (les caméras ralentissent dans le noir), fermez les autres programmes ou branchez la caméra directement sur l&apos;ordinateur.</translation>
    </message>
    <message>
        <source>The camera skips pictures: plug it straight into the computer (not a hub) and close other programs.</source>
        <translation>La caméra perd des images : branchez-la directement sur l&apos;ordinateur (pas sur un hub) et fermez les autres programmes.</translation>
    </message>
    <message>
        <source>Very low resolution: use another camera, or plug this one straight into the computer.</source>
        <translation>Résolution très faible : utilisez une autre caméra, ou branchez celle-ci directement sur l&apos;ordinateur.</translation>
    </message>
    <message>
        <source>Lower resolution than requested: plug the camera straight into the computer, or use a better camera for the room.</source>
        <translation>Résolution plus faible que demandée : branchez la caméra directement sur l&apos;ordinateur, ou utilisez une meilleure caméra pour cette salle.</translation>
    </message>
</context>
<context>
    <name>checklists</name>
    <message>
        <source>duplicate checklist id “{id}” (also in {other})</source>
        <translation>identifiant de liste « {id} » en double (aussi dans {other})</translation>
    </message>
    <message>
        <source>not UTF-8 text; save it as UTF-8</source>
        <translation>ce n’est pas du texte UTF-8 : enregistrez le fichier en UTF-8</translation>
    </message>
    <message>
        <source>cannot be read: {error}</source>
        <translation>illisible : {error}</translation>
    </message>
    <message>
        <source>not a regular file (a folder, pipe or device); give a .toml or .md file</source>
        <translation>pas un fichier ordinaire (dossier, tube ou périphérique) ; indiquez un fichier .toml ou .md</translation>
    </message>
    <message>
        <source>larger than {max} KB; a checklist or tutorial takes a few KB</source>
        <translation>plus de {max} Ko ; une liste de contrôle ou un tutoriel en fait quelques-uns</translation>
    </message>
    <message>
        <source>more than {max} headings; split the tutorial</source>
        <translation>plus de {max} titres ; divisez le tutoriel</translation>
    </message>
    <message>
        <source>more than {max} images; split the tutorial</source>
        <translation>plus de {max} images ; divisez le tutoriel</translation>
    </message>
    <message>
        <source>image “{image}” must be a file inside {folder} (no “..”, no absolute path)</source>
        <translation>l’image « {image} » doit être un fichier du dossier {folder} (sans « .. » ni chemin absolu)</translation>
    </message>
    <message>
        <source>image “{image}” not found</source>
        <translation>image « {image} » introuvable</translation>
    </message>
    <message>
        <source>no title: the first heading must be “# Title”</source>
        <translation>pas de titre : le premier titre doit être « # Titre »</translation>
    </message>
    <message>
        <source>two sections have the anchor “{anchor}”; rename one heading</source>
        <translation>deux sections ont l’ancre « {anchor} » : renommez l’un des titres</translation>
    </message>
    <message>
        <source>a number of more than {max} digits</source>
        <translation>un nombre de plus de {max} chiffres</translation>
    </message>
    <message>
        <source>a key of more than {max} parts</source>
        <translation>une clé de plus de {max} parties</translation>
    </message>
    <message>
        <source>a key longer than {max} characters</source>
        <translation>une clé de plus de {max} caractères</translation>
    </message>
    <message>
        <source>values nested more than {max} levels deep</source>
        <translation>valeurs imbriquées sur plus de {max} niveaux</translation>
    </message>
    <message>
        <source>TOML syntax error: {error}</source>
        <translation>erreur de syntaxe TOML : {error}</translation>
    </message>
    <message>
        <source>more than {max} steps; split the checklist</source>
        <translation>plus de {max} étapes ; divisez la liste de contrôle</translation>
    </message>
    <message>
        <source>unknown key “{key}” (allowed: {allowed})</source>
        <translation>clé inconnue « {key} » (clés possibles : {allowed})</translation>
    </message>
    <message>
        <source>missing required key “{key}”</source>
        <translation>clé obligatoire « {key} » manquante</translation>
    </message>
    <message>
        <source>id “{id}” must use lower-case letters, digits, “-” or “_”</source>
        <translation>l’identifiant « {id} » ne doit contenir que des minuscules sans accent, des chiffres, « - » ou « _ »</translation>
    </message>
    <message>
        <source>“version” must be a whole number from 1 up</source>
        <translation>« version » doit être un nombre entier à partir de 1</translation>
    </message>
    <message>
        <source>unknown session type “{type}” (known: {known})</source>
        <translation>type de séance inconnu « {type} » (types connus : {known})</translation>
    </message>
    <message>
        <source>“{key}” must be text</source>
        <translation>« {key} » doit être du texte</translation>
    </message>
    <message>
        <source>“{key}” must be non-empty text</source>
        <translation>« {key} » doit être un texte non vide</translation>
    </message>
    <message>
        <source>“{key}” must be a non-empty list of text, e.g. [&quot;a&quot;, &quot;b&quot;]</source>
        <translation>« {key} » doit être une liste de textes non vide, par exemple [&quot;a&quot;, &quot;b&quot;]</translation>
    </message>
    <message>
        <source>“modes” must be a list among: {allowed}</source>
        <translation>« modes » doit être une liste parmi : {allowed}</translation>
    </message>
    <message>
        <source>unknown mode “{mode}” (allowed: {allowed})</source>
        <translation>mode inconnu « {mode} » (modes possibles : {allowed})</translation>
    </message>
    <message>
        <source>“steps” must be one or more [[steps]] tables</source>
        <translation>« steps » doit contenir une ou plusieurs tables [[steps]]</translation>
    </message>
    <message>
        <source>each step must be a [[steps]] table</source>
        <translation>chaque étape doit être une table [[steps]]</translation>
    </message>
    <message>
        <source>duplicate step id “{id}” (first at line {first})</source>
        <translation>identifiant d’étape « {id} » en double (déjà à la ligne {first})</translation>
    </message>
    <message>
        <source>unknown step key “{key}” (allowed: {allowed})</source>
        <translation>clé d’étape inconnue « {key} » (clés possibles : {allowed})</translation>
    </message>
    <message>
        <source>step is missing required key “{key}”</source>
        <translation>il manque à l’étape la clé obligatoire « {key} »</translation>
    </message>
    <message>
        <source>unknown pause point “{pause}” (allowed: {allowed})</source>
        <translation>moment inconnu « {pause} » (moments possibles : {allowed})</translation>
    </message>
    <message>
        <source>unknown automatic check “{check}” (known: {known})</source>
        <translation>vérification automatique inconnue « {check} » (connues : {known})</translation>
    </message>
    <message>
        <source>tutorial “{tutorial}” not found (no valid {tutorial}.md)</source>
        <translation>tutoriel « {tutorial} » introuvable (pas de fichier {tutorial}.md valide)</translation>
    </message>
    <message>
        <source>“section” needs “tutorial” to say which tutorial it is in</source>
        <translation>« section » a besoin de « tutorial » pour savoir dans quel tutoriel chercher</translation>
    </message>
    <message>
        <source>section “{section}” not found in tutorial “{tutorial}” (sections: {known})</source>
        <translation>section « {section} » introuvable dans le tutoriel « {tutorial} » (sections : {known})</translation>
    </message>
    <message>
        <source>image “{image}” not found in {folder}</source>
        <translation>image « {image} » introuvable dans {folder}</translation>
    </message>
    <message>
        <source>step mode “{mode}” is not one of the checklist&apos;s modes</source>
        <translation>le mode d’étape « {mode} » ne fait pas partie des modes de la liste</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>Régie met an unexpected error</source>
        <translation>Régie a rencontré une erreur inattendue</translation>
    </message>
    <message>
        <source>Something went wrong inside Régie. Your data is safe.

A report was written to:
%1

Please send it to your AV technician.</source>
        <translation>Un problème interne est survenu dans Régie. Vos données sont intactes.

Un rapport a été enregistré dans :
%1

Merci de l&apos;envoyer à votre technicien audiovisuel.</translation>
    </message>
</context>
<context>
    <name>equipment</name>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Micro</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Haut-parleur</translation>
    </message>
    <message>
        <source>Speakerphone</source>
        <translation>Micro-haut-parleur de conférence</translation>
    </message>
    <message>
        <source>Headset</source>
        <translation>Casque</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>En service</translation>
    </message>
    <message>
        <source>On loan</source>
        <translation>Prêté</translation>
    </message>
    <message>
        <source>Broken</source>
        <translation>En panne</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>Failed {k} of the last {n} checks</source>
        <translation>Échec à {k} des {n} dernières vérifications</translation>
    </message>
    <message>
        <source>Getting worse: {criteria}</source>
        <translation>Se dégrade&#xa0;: {criteria}</translation>
    </message>
    <message>
        <source>Marked broken</source>
        <translation>Déclaré en panne</translation>
    </message>
    <message>
        <source>Loan overdue since {until} ({who})</source>
        <translation>Prêt en retard depuis le {until} ({who})</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>Le fichier {path} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Check the name and folder of the exported file.</source>
        <translation>Vérifiez le nom et le dossier du fichier exporté.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file.</source>
        <translation>{path} est un dossier, pas un fichier.</translation>
    </message>
    <message>
        <source>Name the CSV file inside it.</source>
        <translation>Indiquez le fichier CSV qu&apos;il contient.</translation>
    </message>
    <message>
        <source>The file {path} cannot be read ({detail}).</source>
        <translation>Impossible de lire le fichier {path} ({detail}).</translation>
    </message>
    <message>
        <source>Check that you may open it, or copy it to your documents first.</source>
        <translation>Vérifiez que vous avez le droit de l&apos;ouvrir, ou copiez-le d&apos;abord dans vos documents.</translation>
    </message>
    <message>
        <source>No count given.</source>
        <translation>Aucun nombre indiqué.</translation>
    </message>
    <message>
        <source>Add --registered N, --connected N or --onsite N.</source>
        <translation>Ajoutez --registered N, --connected N ou --onsite N.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>La période se termine avant de commencer.</translation>
    </message>
    <message>
        <source>Give a --to date after the --from date.</source>
        <translation>Donnez une date --to postérieure à la date --from.</translation>
    </message>
    <message>
        <source>The yearly survey needs both --survey and --year.</source>
        <translation>L’enquête annuelle demande à la fois --survey et --year.</translation>
    </message>
    <message>
        <source>Run e.g. regie report --year 2026 --survey --csv survey.csv.</source>
        <translation>Lancez par exemple regie report --year 2026 --survey --csv enquete.csv.</translation>
    </message>
    <message>
        <source>The yearly survey covers a whole year and the whole network.</source>
        <translation>L’enquête annuelle porte sur une année entière et tout le réseau.</translation>
    </message>
    <message>
        <source>Leave out --from, --to and --branch with --survey.</source>
        <translation>N’utilisez pas --from, --to ni --branch avec --survey.</translation>
    </message>
    <message>
        <source>The file {path} cannot be written ({detail}).</source>
        <translation>Impossible d&apos;écrire le fichier {path} ({detail}).</translation>
    </message>
    <message>
        <source>Choose another folder, or close the file if Excel has it open.</source>
        <translation>Choisissez un autre dossier, ou fermez le fichier s&apos;il est ouvert dans Excel.</translation>
    </message>
    <message>
        <source>Unknown host “{value}”.</source>
        <translation>Animateur ou animatrice inconnu : « {value} ».</translation>
    </message>
    <message>
        <source>Give a staff member&apos;s full name as the app lists it.</source>
        <translation>Indiquez le nom complet d&apos;un agent tel que l&apos;application l&apos;affiche.</translation>
    </message>
    <message>
        <source>Session {id} is remote: it has no on-site head count.</source>
        <translation>La séance {id} est à distance : elle n&apos;a pas de public sur place.</translation>
    </message>
    <message>
        <source>Leave “on site” empty, or make the session hybrid first.</source>
        <translation>Laissez « Sur place » vide, ou passez d&apos;abord la séance en hybride.</translation>
    </message>
    <message>
        <source>The retention period setting “{value}” is not a number of months.</source>
        <translation>La durée de conservation « {value} » n&apos;est pas un nombre de mois.</translation>
    </message>
    <message>
        <source>Set it to a whole number of months, 12 by default.</source>
        <translation>Indiquez un nombre entier de mois (12 par défaut).</translation>
    </message>
    <message>
        <source>Session {id} was cancelled: it has no attendance.</source>
        <translation>La séance {id} a été annulée : elle n&apos;a pas de fréquentation.</translation>
    </message>
    <message>
        <source>Choose the session that took place.</source>
        <translation>Choisissez la séance qui a eu lieu.</translation>
    </message>
    <message>
        <source>The count “{value}” is not between 0 and {max}.</source>
        <translation>Le nombre « {value} » n&apos;est pas compris entre 0 et {max}.</translation>
    </message>
    <message>
        <source>Enter the number of people, or leave it empty.</source>
        <translation>Saisissez le nombre de personnes, ou laissez vide.</translation>
    </message>
    <message>
        <source>The file is larger than {mb} MB: it is not a participant list.</source>
        <translation>Le fichier dépasse {mb} Mo : ce n&apos;est pas une liste de participants.</translation>
    </message>
    <message>
        <source>Choose the CSV file exported for this session.</source>
        <translation>Choisissez le fichier CSV exporté pour cette séance.</translation>
    </message>
    <message>
        <source>The file is not a text (CSV) file.</source>
        <translation>Le fichier n&apos;est pas un fichier texte (CSV).</translation>
    </message>
    <message>
        <source>Export the list again as CSV, or save it from Excel as “CSV UTF-8”.</source>
        <translation>Exportez à nouveau la liste en CSV, ou enregistrez-la depuis Excel au format « CSV UTF-8 ».</translation>
    </message>
    <message>
        <source>Line {line}: the file is not valid CSV ({detail}).</source>
        <translation>Ligne {line} : le fichier n&apos;est pas un CSV valide ({detail}).</translation>
    </message>
    <message>
        <source>Check the quotes on that line, or export the file again.</source>
        <translation>Vérifiez les guillemets sur cette ligne, ou exportez à nouveau le fichier.</translation>
    </message>
    <message>
        <source>No table header was found in the first {lines} lines of the file.</source>
        <translation>Aucune ligne de titres de colonnes dans les {lines} premières lignes du fichier.</translation>
    </message>
    <message>
        <source>Choose the CSV file exported for this session, with its column titles.</source>
        <translation>Choisissez le fichier CSV exporté pour cette séance, avec ses titres de colonnes.</translation>
    </message>
    <message>
        <source>Line {line}: the list has no name or e-mail column.</source>
        <translation>Ligne {line} : la liste n&apos;a pas de colonne nom ou e-mail.</translation>
    </message>
    <message>
        <source>Export the list with the registrants&apos; names or e-mail addresses.</source>
        <translation>Exportez la liste avec les noms ou les adresses e-mail des inscrits.</translation>
    </message>
    <message>
        <source>The list has more than {max} rows.</source>
        <translation>La liste dépasse {max} lignes.</translation>
    </message>
    <message>
        <source>Choose the list of a single session.</source>
        <translation>Choisissez la liste d&apos;une seule séance.</translation>
    </message>
    <message>
        <source>Line {line}: “{value}” is not an e-mail address.</source>
        <translation>Ligne {line} : « {value} » n&apos;est pas une adresse e-mail.</translation>
    </message>
    <message>
        <source>Correct or empty that cell, then import the list again.</source>
        <translation>Corrigez ou videz cette cellule, puis importez à nouveau la liste.</translation>
    </message>
    <message>
        <source>Line {line}: this row has neither a name nor an e-mail.</source>
        <translation>Ligne {line} : cette ligne n&apos;a ni nom ni e-mail.</translation>
    </message>
    <message>
        <source>Complete or delete that row, then import the list again.</source>
        <translation>Complétez ou supprimez cette ligne, puis importez à nouveau la liste.</translation>
    </message>
    <message>
        <source>The title is empty.</source>
        <translation>Le titre est vide.</translation>
    </message>
    <message>
        <source>Type a title.</source>
        <translation>Saisissez un titre.</translation>
    </message>
    <message>
        <source>The title is longer than {max} characters.</source>
        <translation>Le titre dépasse {max} caractères.</translation>
    </message>
    <message>
        <source>No active Zoom licence is registered.</source>
        <translation>Aucune licence Zoom active n&apos;est enregistrée.</translation>
    </message>
    <message>
        <source>No licence is free for session {session_id} at that time. {detail}</source>
        <translation>Aucune licence n&apos;est libre pour la séance {session_id} à cet horaire. {detail}</translation>
    </message>
    <message>
        <source>Move the session, lower its capacity, or add a licence.</source>
        <translation>Déplacez la séance, réduisez sa jauge, ou ajoutez une licence.</translation>
    </message>
    <message>
        <source>The licence “{licence}” is already in use by session {other} (“{title}”), which is running: it holds {limit} meeting(s) at once.</source>
        <translation>La licence «&#xa0;{licence}&#xa0;» est déjà utilisée par la séance {other} («&#xa0;{title}&#xa0;»), en cours&#xa0;: elle ne tient que {limit} réunion(s) à la fois.</translation>
    </message>
    <message>
        <source>End that session first (“regie sessions edit {other} --status done”), or give this one another licence.</source>
        <translation>Terminez d’abord cette séance («&#xa0;regie sessions edit {other} --status done&#xa0;»), ou attribuez une autre licence à celle-ci.</translation>
    </message>
    <message>
        <source>Add one in Licences.</source>
        <translation>Ajoutez-en une dans Licences.</translation>
    </message>
    <message>
        <source>Add one with “regie licences add”.</source>
        <translation>Ajoutez-en une avec «&#xa0;regie licences add&#xa0;».</translation>
    </message>
    <message>
        <source>No licence is free at that time. {detail}</source>
        <translation>Aucune licence n&apos;est libre à cet horaire. {detail}</translation>
    </message>
    <message>
        <source>The licence has no label.</source>
        <translation>La licence n&apos;a pas de nom.</translation>
    </message>
    <message>
        <source>Type a short name for it.</source>
        <translation>Saisissez un nom court.</translation>
    </message>
    <message>
        <source>The label is longer than {max} characters.</source>
        <translation>Le nom dépasse {max} caractères.</translation>
    </message>
    <message>
        <source>The {name} is longer than {max} characters.</source>
        <translation>Le champ {name} dépasse {max} caractères.</translation>
    </message>
    <message>
        <source>Shorten it.</source>
        <translation>Raccourcissez-le.</translation>
    </message>
    <message>
        <source>The device has no label.</source>
        <translation>L’appareil n’a pas de nom.</translation>
    </message>
    <message>
        <source>Give it a name people recognise, e.g. “Webcam salle Vaise”.</source>
        <translation>Donnez-lui un nom que chacun reconnaît, par exemple «&#xa0;Webcam salle Vaise&#xa0;».</translation>
    </message>
    <message>
        <source>“{label}” is retired: a retired device cannot be lent.</source>
        <translation>«&#xa0;{label}&#xa0;» est retiré&#xa0;: un appareil retiré ne peut pas être prêté.</translation>
    </message>
    <message>
        <source>Lend another device, or edit this one back into service first.</source>
        <translation>Prêtez un autre appareil, ou remettez d’abord celui-ci en service.</translation>
    </message>
    <message>
        <source>“{label}” is broken: a broken device cannot be lent.</source>
        <translation>«&#xa0;{label}&#xa0;» est en panne&#xa0;: un appareil en panne ne peut pas être prêté.</translation>
    </message>
    <message>
        <source>Have it repaired and mark it in service first.</source>
        <translation>Faites-le réparer et remettez-le d’abord en service.</translation>
    </message>
    <message>
        <source>“{label}” is already lent to {who} until {until}.</source>
        <translation>«&#xa0;{label}&#xa0;» est déjà prêté à {who} jusqu’au {until}.</translation>
    </message>
    <message>
        <source>Record its return first.</source>
        <translation>Enregistrez d’abord son retour.</translation>
    </message>
    <message>
        <source>Say to whom the device is lent.</source>
        <translation>Indiquez à qui l’appareil est prêté.</translation>
    </message>
    <message>
        <source>Give a person&apos;s or a branch&apos;s name.</source>
        <translation>Indiquez le nom d’une personne ou d’une bibliothèque.</translation>
    </message>
    <message>
        <source>The loan would end on {until}, which is already past.</source>
        <translation>Le prêt se terminerait le {until}, date déjà passée.</translation>
    </message>
    <message>
        <source>Give the day the device comes back, today or later.</source>
        <translation>Indiquez le jour du retour de l’appareil, aujourd’hui ou plus tard.</translation>
    </message>
    <message>
        <source>“{label}” is not on loan.</source>
        <translation>«&#xa0;{label}&#xa0;» n’est pas prêté.</translation>
    </message>
    <message>
        <source>Only a lent device can be returned.</source>
        <translation>Seul un appareil prêté peut être rendu.</translation>
    </message>
    <message>
        <source>“{label}” is already retired.</source>
        <translation>«&#xa0;{label}&#xa0;» est déjà retiré.</translation>
    </message>
    <message>
        <source>“{label}” is on loan: it cannot be retired while away.</source>
        <translation>«&#xa0;{label}&#xa0;» est prêté&#xa0;: il ne peut pas être retiré tant qu’il n’est pas rendu.</translation>
    </message>
    <message>
        <source>“{label}” is on loan.</source>
        <translation>«&#xa0;{label}&#xa0;» est prêté.</translation>
    </message>
    <message>
        <source>The inventory file was not imported, nothing was changed: {lines}.</source>
        <translation>Le fichier d’inventaire n’a pas été importé, rien n’a été modifié&#xa0;: {lines}.</translation>
    </message>
    <message>
        <source>Correct these lines, then import the file again.</source>
        <translation>Corrigez ces lignes, puis importez de nouveau le fichier.</translation>
    </message>
    <message>
        <source>Unknown column(s) in the inventory file: {columns}.</source>
        <translation>Colonne(s) inconnue(s) dans le fichier d’inventaire&#xa0;: {columns}.</translation>
    </message>
    <message>
        <source>Use the columns of an exported inventory: {expected}.</source>
        <translation>Utilisez les colonnes d’un inventaire exporté&#xa0;: {expected}.</translation>
    </message>
    <message>
        <source>serial {serial} is already on line {other}</source>
        <translation>le numéro de série {serial} figure déjà à la ligne {other}</translation>
    </message>
    <message>
        <source>device {id} is already on line {other}</source>
        <translation>l’appareil {id} figure déjà à la ligne {other}</translation>
    </message>
    <message>
        <source>{column} “{value}” is not a date (YYYY-MM-DD)</source>
        <translation>{column} «&#xa0;{value}&#xa0;» n’est pas une date (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>id “{value}” is not a device number</source>
        <translation>l’identifiant «&#xa0;{value}&#xa0;» n’est pas un numéro d’appareil</translation>
    </message>
    <message>
        <source>kind “{value}” is not one of {kinds}</source>
        <translation>le type «&#xa0;{value}&#xa0;» ne fait pas partie de {kinds}</translation>
    </message>
    <message>
        <source>status “{value}” is not one of {statuses}</source>
        <translation>l’état «&#xa0;{value}&#xa0;» ne fait pas partie de {statuses}</translation>
    </message>
    <message>
        <source>branch “{value}” is unknown</source>
        <translation>la bibliothèque «&#xa0;{value}&#xa0;» est inconnue</translation>
    </message>
    <message>
        <source>a device on loan needs loan_to and loan_until</source>
        <translation>un appareil prêté doit avoir loan_to et loan_until</translation>
    </message>
    <message>
        <source>“{email}” is not an e-mail address.</source>
        <translation>« {email} » n&apos;est pas une adresse e-mail.</translation>
    </message>
    <message>
        <source>Type the address of the Zoom account, e.g. culture@library.fr.</source>
        <translation>Saisissez l&apos;adresse du compte Zoom, par exemple culture@bibliotheque.fr.</translation>
    </message>
    <message>
        <source>The participant cap must be between 1 and {max}.</source>
        <translation>Le nombre maximal de participants doit être compris entre 1 et {max}.</translation>
    </message>
    <message>
        <source>Enter the cap of the Zoom plan (100, 300, 500, 1000…).</source>
        <translation>Saisissez la capacité de l&apos;abonnement Zoom (100, 300, 500, 1000…).</translation>
    </message>
    <message>
        <source>A licence carries at least one meeting at a time.</source>
        <translation>Une licence accueille au moins une réunion à la fois.</translation>
    </message>
    <message>
        <source>Enter 1 for a Pro account.</source>
        <translation>Saisissez 1 pour un compte Pro.</translation>
    </message>
    <message>
        <source>A Pro licence runs only one meeting at a time.</source>
        <translation>Une licence Pro ne permet qu&apos;une réunion à la fois.</translation>
    </message>
    <message>
        <source>Set the concurrent-meeting limit to 1, or choose the Business plan.</source>
        <translation>Mettez le nombre de réunions simultanées à 1, ou choisissez l&apos;abonnement Business.</translation>
    </message>
    <message>
        <source>A buffer must be between 0 and {max} minutes.</source>
        <translation>Une marge doit être comprise entre 0 et {max} minutes.</translation>
    </message>
    <message>
        <source>Enter a number of minutes, e.g. 10.</source>
        <translation>Saisissez un nombre de minutes, par exemple 10.</translation>
    </message>
    <message>
        <source>No licence is called “{label}”.</source>
        <translation>Aucune licence ne s&apos;appelle « {label} ».</translation>
    </message>
    <message>
        <source>Check the label with “regie licences list”.</source>
        <translation>Vérifiez le nom avec « regie licences list ».</translation>
    </message>
    <message>
        <source>This licence no longer exists.</source>
        <translation>Cette licence n&apos;existe plus.</translation>
    </message>
    <message>
        <source>Refresh the list and choose another one.</source>
        <translation>Actualisez la liste et choisissez-en une autre.</translation>
    </message>
    <message>
        <source>The title holds control characters (such as terminal codes).</source>
        <translation>Le titre contient des caractères de contrôle (comme des codes de terminal).</translation>
    </message>
    <message>
        <source>Type it again, or paste it as plain text.</source>
        <translation>Retapez-le, ou collez-le en texte brut.</translation>
    </message>
    <message>
        <source>The notes hold control characters (such as terminal codes).</source>
        <translation>Les notes contiennent des caractères de contrôle (comme des codes de terminal).</translation>
    </message>
    <message>
        <source>Type them again, or paste them as plain text.</source>
        <translation>Retapez-les, ou collez-les en texte brut.</translation>
    </message>
    <message>
        <source>The session starts before {year}.</source>
        <translation>La séance commence avant {year}.</translation>
    </message>
    <message>
        <source>Check the year of the start date.</source>
        <translation>Vérifiez l’année de la date de début.</translation>
    </message>
    <message>
        <source>The session starts more than {years} years from now.</source>
        <translation>La séance commence dans plus de {years} ans.</translation>
    </message>
    <message>
        <source>The session ends before it starts.</source>
        <translation>La séance se termine avant de commencer.</translation>
    </message>
    <message>
        <source>Set an end time after the start time.</source>
        <translation>Indiquez une heure de fin après l&apos;heure de début.</translation>
    </message>
    <message>
        <source>The session lasts more than {hours} hours.</source>
        <translation>La séance dure plus de {hours} heures.</translation>
    </message>
    <message>
        <source>Check the end date and time.</source>
        <translation>Vérifiez la date et l&apos;heure de fin.</translation>
    </message>
    <message>
        <source>The capacity must be at least 1.</source>
        <translation>La jauge doit être d&apos;au moins 1 personne.</translation>
    </message>
    <message>
        <source>Enter how many people may register.</source>
        <translation>Indiquez combien de personnes peuvent s&apos;inscrire.</translation>
    </message>
    <message>
        <source>The capacity is larger than {max}.</source>
        <translation>La jauge dépasse {max}.</translation>
    </message>
    <message>
        <source>Enter a realistic number of places.</source>
        <translation>Indiquez un nombre de places réaliste.</translation>
    </message>
    <message>
        <source>A new session starts as planned.</source>
        <translation>Une nouvelle séance commence à l’état «&#xa0;prévu&#xa0;».</translation>
    </message>
    <message>
        <source>Save it as planned, then prepare and launch it.</source>
        <translation>Enregistrez-la comme «&#xa0;prévu&#xa0;», puis préparez-la et lancez-la.</translation>
    </message>
    <message>
        <source>This session is over or cancelled; only its notes can change.</source>
        <translation>Cette séance est terminée ou annulée : seules ses notes peuvent changer.</translation>
    </message>
    <message>
        <source>Duplicate it to plan it again.</source>
        <translation>Dupliquez-la pour la programmer de nouveau.</translation>
    </message>
    <message>
        <source>Session {id} is not ready yet: {missing} still to do.</source>
        <translation>La séance {id} n’est pas encore prête&#xa0;: reste à faire&#xa0;: {missing}.</translation>
    </message>
    <message>
        <source>Do those steps, skip them with a reason, or mark it ready by hand with a reason (“regie sessions ready {id} --reason …”).</source>
        <translation>Faites ces étapes, passez-les en donnant la raison, ou déclarez-la prête à la main avec une raison («&#xa0;regie sessions ready {id} --reason …&#xa0;»).</translation>
    </message>
    <message>
        <source>Session {id} ended at {end}: it can no longer be launched.</source>
        <translation>La séance {id} s’est terminée le {end}&#xa0;: elle ne peut plus être lancée.</translation>
    </message>
    <message>
        <source>Record its attendance, or duplicate it to hold it again.</source>
        <translation>Saisissez sa fréquentation, ou dupliquez-la pour la programmer à nouveau.</translation>
    </message>
    <message>
        <source>Session {id} can be launched from {start}, {minutes} minutes before it starts, until it ends.</source>
        <translation>La séance {id} peut être lancée à partir du {start}, {minutes} minutes avant son début, et jusqu’à sa fin.</translation>
    </message>
    <message>
        <source>Prepare it meanwhile (“regie sessions prepare {id}”).</source>
        <translation>Préparez-la en attendant («&#xa0;regie sessions prepare {id}&#xa0;»).</translation>
    </message>
    <message>
        <source>A session cannot go from “{old}” to “{new}”.</source>
        <translation>Une séance ne peut pas passer de « {old} » à « {new} ».</translation>
    </message>
    <message>
        <source>Choose another status, or duplicate the session.</source>
        <translation>Choisissez un autre statut, ou dupliquez la séance.</translation>
    </message>
    <message>
        <source>Unknown session type.</source>
        <translation>Type de séance inconnu.</translation>
    </message>
    <message>
        <source>Pick a type.</source>
        <translation>Choisissez un type.</translation>
    </message>
    <message>
        <source>Unknown branch.</source>
        <translation>Bibliothèque inconnue.</translation>
    </message>
    <message>
        <source>Pick a branch.</source>
        <translation>Choisissez une bibliothèque.</translation>
    </message>
    <message>
        <source>Unknown host.</source>
        <translation>Animateur ou animatrice inconnu.</translation>
    </message>
    <message>
        <source>Pick a staff member.</source>
        <translation>Choisissez un agent.</translation>
    </message>
    <message>
        <source>Unknown licence.</source>
        <translation>Licence inconnue.</translation>
    </message>
    <message>
        <source>Pick a licence.</source>
        <translation>Choisissez une licence.</translation>
    </message>
    <message>
        <source>Unknown session type “{value}”.</source>
        <translation>Type de séance inconnu : « {value} ».</translation>
    </message>
    <message>
        <source>Unknown branch “{value}”.</source>
        <translation>Bibliothèque inconnue : « {value} ».</translation>
    </message>
    <message>
        <source>Use one of the values that “regie sessions list --json” prints.</source>
        <translation>Utilisez une des valeurs affichées par « regie sessions list --json ».</translation>
    </message>
    <message>
        <source>Sound is unavailable: the PortAudio library is not installed ({error}).</source>
        <translation>Le son est indisponible : la bibliothèque PortAudio n&apos;est pas installée ({error}).</translation>
    </message>
    <message>
        <source>Install the package “libportaudio2” (Debian, Ubuntu) or “portaudio” (Fedora), then restart Régie.</source>
        <translation>Installez le paquet « libportaudio2 » (Debian, Ubuntu) ou « portaudio » (Fedora), puis relancez Régie.</translation>
    </message>
    <message>
        <source>The device “{device}” is busy ({error}).</source>
        <translation>L&apos;appareil « {device} » est déjà utilisé ({error}).</translation>
    </message>
    <message>
        <source>Close the other program using it (Zoom, a browser tab), then try again.</source>
        <translation>Fermez l&apos;autre programme qui l&apos;utilise (Zoom, un onglet du navigateur), puis réessayez.</translation>
    </message>
    <message>
        <source>The device “{device}” cannot be used ({error}).</source>
        <translation>Impossible d&apos;utiliser l&apos;appareil « {device} » ({error}).</translation>
    </message>
    <message>
        <source>Check that it is plugged in, then refresh the list and choose it again.</source>
        <translation>Vérifiez qu&apos;il est branché, puis actualisez la liste et choisissez-le de nouveau.</translation>
    </message>
    <message>
        <source>Plug one in (or check the sound settings), then try again.</source>
        <translation>Branchez-en un (ou vérifiez les paramètres du son), puis réessayez.</translation>
    </message>
    <message>
        <source>Run “regie check audio --list” to see the numbers.</source>
        <translation>Lancez « regie check audio --list » pour voir les numéros.</translation>
    </message>
    <message>
        <source>No microphone was found on this computer.</source>
        <translation>Aucun micro n&apos;a été trouvé sur cet ordinateur.</translation>
    </message>
    <message>
        <source>No speakers were found on this computer.</source>
        <translation>Aucun haut-parleur n&apos;a été trouvé sur cet ordinateur.</translation>
    </message>
    <message>
        <source>There is no microphone number {spec}.</source>
        <translation>Il n&apos;y a pas de micro numéro {spec}.</translation>
    </message>
    <message>
        <source>There are no speakers number {spec}.</source>
        <translation>Il n&apos;y a pas de haut-parleurs numéro {spec}.</translation>
    </message>
    <message>
        <source>No microphone matches “{spec}”.</source>
        <translation>Aucun micro ne correspond à « {spec} ».</translation>
    </message>
    <message>
        <source>No speakers match “{spec}”.</source>
        <translation>Aucun haut-parleur ne correspond à « {spec} ».</translation>
    </message>
    <message>
        <source>Run “regie check audio --list” and give a number or a part of the name.</source>
        <translation>Lancez « regie check audio --list » et donnez un numéro ou une partie du nom.</translation>
    </message>
    <message>
        <source>Several devices match “{spec}”: {names}.</source>
        <translation>Plusieurs appareils correspondent à « {spec} » : {names}.</translation>
    </message>
    <message>
        <source>Give more of the name, or the device number.</source>
        <translation>Précisez davantage le nom, ou donnez le numéro de l&apos;appareil.</translation>
    </message>
    <message>
        <source>The measurement was cancelled.</source>
        <translation>La mesure a été annulée.</translation>
    </message>
    <message>
        <source>The device “{device}” stopped responding.</source>
        <translation>L&apos;appareil « {device} » ne répond plus.</translation>
    </message>
    <message>
        <source>Check that it is still plugged in, refresh the list and try again.</source>
        <translation>Vérifiez qu&apos;il est toujours branché, actualisez la liste et réessayez.</translation>
    </message>
    <message>
        <source>The file {path} cannot be used as a microphone ({error}).</source>
        <translation>Le fichier {path} ne peut pas servir de micro ({error}).</translation>
    </message>
    <message>
        <source>Give a PCM WAV file (for example exported from Audacity).</source>
        <translation>Donnez un fichier WAV PCM (par exemple exporté depuis Audacity).</translation>
    </message>
    <message>
        <source>The file {path} holds no sound.</source>
        <translation>Le fichier {path} ne contient aucun son.</translation>
    </message>
    <message>
        <source>Give a WAV file with a recording in it.</source>
        <translation>Donnez un fichier WAV qui contient un enregistrement.</translation>
    </message>
    <message>
        <source>Unknown step “{step}”.</source>
        <translation>Étape inconnue « {step} ».</translation>
    </message>
    <message>
        <source>Choose among noise, speech, speaker and echo.</source>
        <translation>Choisissez parmi noise, speech, speaker et echo.</translation>
    </message>
    <message>
        <source>Results cannot be saved here.</source>
        <translation>Les résultats ne peuvent pas être enregistrés ici.</translation>
    </message>
    <message>
        <source>The audio thresholds file {path} cannot be read ({error}).</source>
        <translation>Le fichier des seuils audio {path} est illisible ({error}).</translation>
    </message>
    <message>
        <source>Correct the file or delete it to use the shipped values.</source>
        <translation>Corrigez le fichier ou supprimez-le pour revenir aux valeurs d&apos;origine.</translation>
    </message>
    <message>
        <source>In {path}, “{key}” of [{section}] must be a number.</source>
        <translation>Dans {path}, « {key} » de [{section}] doit être un nombre.</translation>
    </message>
    <message>
        <source>Correct the value or delete the line to use the shipped one.</source>
        <translation>Corrigez la valeur ou supprimez la ligne pour revenir à la valeur d&apos;origine.</translation>
    </message>
    <message>
        <source>Give the path of a video (.mp4, .avi) or an image (.png, .jpg).</source>
        <translation>Indiquez le chemin d&apos;une vidéo (.mp4, .avi) ou d&apos;une image (.png, .jpg).</translation>
    </message>
    <message>
        <source>{path} is a folder, not a video or image file.</source>
        <translation>{path} est un dossier, pas un fichier vidéo ou image.</translation>
    </message>
    <message>
        <source>{path} is not a video or image file.</source>
        <translation>{path} n’est pas un fichier vidéo ou image.</translation>
    </message>
    <message>
        <source>There is no camera {index}: camera numbers go from 0 to {max}.</source>
        <translation>Il n’y a pas de caméra {index} : les numéros de caméra vont de 0 à {max}.</translation>
    </message>
    <message>
        <source>See the cameras with “regie check camera --list”.</source>
        <translation>Voyez les caméras avec « regie check camera --list ».</translation>
    </message>
    <message>
        <source>The camera “{name}” did not answer within {seconds} seconds.</source>
        <translation>La caméra « {name} » n&apos;a pas répondu en {seconds} secondes.</translation>
    </message>
    <message>
        <source>Another program (Zoom, Teams…) may be using it: close that program, or unplug and replug the camera, then try again.</source>
        <translation>Un autre programme (Zoom, Teams…) l&apos;utilise peut-être : fermez-le, ou débranchez et rebranchez la caméra, puis réessayez.</translation>
    </message>
    <message>
        <source>The camera “{name}” could not be opened: {detail}.</source>
        <translation>La caméra « {name} » n&apos;a pas pu être ouverte : {detail}.</translation>
    </message>
    <message>
        <source>Check that it is plugged in, then try again.</source>
        <translation>Vérifiez qu&apos;elle est bien branchée, puis réessayez.</translation>
    </message>
    <message>
        <source>The camera “{name}” gives no picture: another program is probably using it.</source>
        <translation>La caméra « {name} » ne donne pas d&apos;image : un autre programme l&apos;utilise sans doute.</translation>
    </message>
    <message>
        <source>Close Zoom, Teams or any other program using the camera, then start the check again.</source>
        <translation>Fermez Zoom, Teams ou tout autre programme qui utilise la caméra, puis relancez la vérification.</translation>
    </message>
    <message>
        <source>The camera “{name}” stopped sending pictures.</source>
        <translation>La caméra « {name} » n&apos;envoie plus d&apos;images.</translation>
    </message>
    <message>
        <source>Check its cable (it may have been unplugged), then start the check again.</source>
        <translation>Vérifiez son câble (elle a peut-être été débranchée), puis relancez la vérification.</translation>
    </message>
    <message>
        <source>The video {path} has no picture that can be read.</source>
        <translation>La vidéo {path} ne contient aucune image lisible.</translation>
    </message>
    <message>
        <source>Use an .mp4 or .avi video, or a .png or .jpg image.</source>
        <translation>Utilisez une vidéo .mp4 ou .avi, ou une image .png ou .jpg.</translation>
    </message>
    <message>
        <source>No camera answers as “{name}”.</source>
        <translation>Aucune caméra ne répond au nom « {name} ».</translation>
    </message>
    <message>
        <source>Check that it is plugged in (try another USB port); if another program (Zoom, Teams…) uses it, close that program, then try again.</source>
        <translation>Vérifiez qu&apos;elle est branchée (essayez un autre port USB) ; si un autre programme (Zoom, Teams…) l&apos;utilise, fermez-le, puis réessayez.</translation>
    </message>
    <message>
        <source>The file {path} cannot be read as a video or an image.</source>
        <translation>Le fichier {path} ne peut pas être lu comme une vidéo ou une image.</translation>
    </message>
    <message>
        <source>No picture was received from {device}.</source>
        <translation>Aucune image n&apos;a été reçue de {device}.</translation>
    </message>
    <message>
        <source>Check that the camera is plugged in and not used by another program, then start the check again.</source>
        <translation>Vérifiez que la caméra est branchée et qu&apos;aucun autre programme ne l&apos;utilise, puis relancez la vérification.</translation>
    </message>
    <message>
        <source>The camera check was cancelled.</source>
        <translation>La vérification de la caméra a été annulée.</translation>
    </message>
    <message>
        <source>Start it again when ready.</source>
        <translation>Relancez-la quand vous êtes prêt.</translation>
    </message>
    <message>
        <source>Unknown section [{section}] in {path}.</source>
        <translation>Section [{section}] inconnue dans {path}.</translation>
    </message>
    <message>
        <source>Correct or delete that section; the shipped file lists every section.</source>
        <translation>Corrigez ou supprimez cette section ; le fichier fourni avec Régie liste toutes les sections.</translation>
    </message>
    <message>
        <source>Unknown setting “{key}” in section [{section}] of {path}.</source>
        <translation>Réglage « {key} » inconnu dans la section [{section}] de {path}.</translation>
    </message>
    <message>
        <source>Correct or delete that line; the shipped file lists every setting.</source>
        <translation>Corrigez ou supprimez cette ligne ; le fichier fourni avec Régie liste tous les réglages.</translation>
    </message>
    <message>
        <source>The camera settings file {path} is missing.</source>
        <translation>Le fichier de réglages de la caméra {path} est introuvable.</translation>
    </message>
    <message>
        <source>Reinstall Régie.</source>
        <translation>Réinstallez Régie.</translation>
    </message>
    <message>
        <source>The camera settings file {path} cannot be read: {detail}.</source>
        <translation>Le fichier de réglages de la caméra {path} est illisible : {detail}.</translation>
    </message>
    <message>
        <source>Correct the file, or delete it to use the default settings.</source>
        <translation>Corrigez le fichier, ou supprimez-le pour revenir aux réglages par défaut.</translation>
    </message>
    <message>
        <source>The setting “{key}” in section [{section}] of {path} must be a number.</source>
        <translation>Le réglage « {key} » de la section [{section}] de {path} doit être un nombre.</translation>
    </message>
    <message>
        <source>Write a number such as 12 or 0.5.</source>
        <translation>Écrivez un nombre, par exemple 12 ou 0.5.</translation>
    </message>
    <message>
        <source>Checklist run {id} does not exist.</source>
        <translation>La liste en cours n° {id} n’existe pas.</translation>
    </message>
    <message>
        <source>Pick a run from the list of unfinished runs.</source>
        <translation>Choisissez-en une dans la liste des listes en cours.</translation>
    </message>
    <message>
        <source>The database {path} is busy (locked by another program).</source>
        <translation>La base {path} est occupée (verrouillée par un autre programme).</translation>
    </message>
    <message>
        <source>Close the other program using it, then try again.</source>
        <translation>Fermez l&apos;autre programme qui l&apos;utilise, puis réessayez.</translation>
    </message>
    <message>
        <source>The database {path} is read-only.</source>
        <translation>La base {path} est en lecture seule.</translation>
    </message>
    <message>
        <source>Give your account write access to it, or choose another file.</source>
        <translation>Donnez à votre compte le droit d&apos;y écrire, ou choisissez un autre fichier.</translation>
    </message>
    <message>
        <source>The disk holding {path} is full.</source>
        <translation>Le disque qui contient {path} est plein.</translation>
    </message>
    <message>
        <source>Free some space, then try again. Nothing was saved.</source>
        <translation>Libérez de la place, puis réessayez. Rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>The disk holding {path} could not be read or written.</source>
        <translation>Le disque qui contient {path} n’a pas pu être lu ou écrit.</translation>
    </message>
    <message>
        <source>Check that the disk is still connected and healthy, then try again. Nothing was saved.</source>
        <translation>Vérifiez que le disque est toujours branché et en bon état, puis réessayez. Rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>The database {path} is damaged.</source>
        <translation>La base {path} est endommagée.</translation>
    </message>
    <message>
        <source>Restore the latest backup next to it (regie db backup makes one), or move the file away to start afresh.</source>
        <translation>Restaurez la dernière sauvegarde placée à côté (regie db backup en fait une), ou déplacez le fichier pour repartir de zéro.</translation>
    </message>
    <message>
        <source>The database server {path} refused Régie&apos;s credentials.</source>
        <translation>Le serveur de base de données {path} a refusé les identifiants de Régie.</translation>
    </message>
    <message>
        <source>Store the server&apos;s password in the keyring with “regie db set-password URL”, then try again.</source>
        <translation>Enregistrez le mot de passe du serveur dans le trousseau avec « regie db set-password URL », puis réessayez.</translation>
    </message>
    <message>
        <source>The database {path} cannot be opened.</source>
        <translation>Impossible d&apos;ouvrir la base {path}.</translation>
    </message>
    <message>
        <source>Check that the file or server exists and can be reached.</source>
        <translation>Vérifiez que le fichier ou le serveur existe et qu&apos;il est accessible.</translation>
    </message>
    <message>
        <source>Updating the database {path} failed; it was left unchanged.</source>
        <translation>La mise à jour de la base {path} a échoué ; elle n&apos;a pas été modifiée.</translation>
    </message>
    <message>
        <source>Report the crash log to your technician. A backup is at {backup}.</source>
        <translation>Transmettez le rapport d&apos;erreur à votre technicien. Une sauvegarde se trouve dans {backup}.</translation>
    </message>
    <message>
        <source>Backups of a network database are made on its server.</source>
        <translation>Les sauvegardes d&apos;une base réseau se font sur son serveur.</translation>
    </message>
    <message>
        <source>Ask the network&apos;s technician (pg_dump).</source>
        <translation>Adressez-vous au technicien du réseau (pg_dump).</translation>
    </message>
    <message>
        <source>Could not write the backup {path}.</source>
        <translation>Impossible d&apos;écrire la sauvegarde {path}.</translation>
    </message>
    <message>
        <source>Choose a folder you can write to, with free space.</source>
        <translation>Choisissez un dossier où vous pouvez écrire, avec de la place libre.</translation>
    </message>
    <message>
        <source>The folder {path} cannot be created.</source>
        <translation>Impossible de créer le dossier {path}.</translation>
    </message>
    <message>
        <source>Check its permissions, or choose another database with --db.</source>
        <translation>Vérifiez ses droits d&apos;accès, ou choisissez une autre base avec --db.</translation>
    </message>
    <message>
        <source>Régie cannot write in the folder {path}.</source>
        <translation>Régie ne peut pas écrire dans le dossier {path}.</translation>
    </message>
    <message>
        <source>This database already holds a network; the demo was not loaded.</source>
        <translation>Cette base contient déjà un réseau : la démonstration n&apos;a pas été chargée.</translation>
    </message>
    <message>
        <source>Use an empty database, e.g. regie --db demo.sqlite3 demo.</source>
        <translation>Utilisez une base vide, par exemple : regie --db demo.sqlite3 demo.</translation>
    </message>
    <message>
        <source>Session {id} does not exist.</source>
        <translation>La séance {id} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Check the number with “regie sessions list”.</source>
        <translation>Vérifiez le numéro avec « regie sessions list ».</translation>
    </message>
    <message>
        <source>This licence is assigned to {count} session(s) and stays in their history.</source>
        <translation>Séances auxquelles cette licence est attribuée&#xa0;: {count}&#xa0;; elle reste dans leur historique.</translation>
    </message>
    <message>
        <source>Deactivate it instead, or unassign those sessions first.</source>
        <translation>Désactivez-la plutôt, ou retirez-la d&apos;abord de ces séances.</translation>
    </message>
    <message>
        <source>The buffers could not be changed: bookings kept changing meanwhile.</source>
        <translation>Les marges n’ont pas pu être modifiées : les réservations changeaient sans cesse au même moment.</translation>
    </message>
    <message>
        <source>Try again in a moment.</source>
        <translation>Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Session {id} is over or cancelled; its licence cannot change.</source>
        <translation>La séance {id} est terminée ou annulée ; sa licence ne peut plus changer.</translation>
    </message>
    <message>
        <source>A licence called “{label}” already exists.</source>
        <translation>Une licence nommée « {label} » existe déjà.</translation>
    </message>
    <message>
        <source>Choose another label.</source>
        <translation>Choisissez un autre nom.</translation>
    </message>
    <message>
        <source>This item no longer exists.</source>
        <translation>Cet élément n&apos;existe plus.</translation>
    </message>
    <message>
        <source>This name or code is already used.</source>
        <translation>Ce nom ou ce code est déjà utilisé.</translation>
    </message>
    <message>
        <source>Choose another name.</source>
        <translation>Choisissez un autre nom.</translation>
    </message>
    <message>
        <source>The PDF file {path} cannot be written.</source>
        <translation>Impossible d&apos;écrire le fichier PDF {path}.</translation>
    </message>
    <message>
        <source>Choose another folder, or close the file if a reader has it open.</source>
        <translation>Choisissez un autre dossier, ou fermez le fichier s&apos;il est ouvert dans un lecteur PDF.</translation>
    </message>
    <message>
        <source>Line {line}: {found} values where the header has {expected}.</source>
        <translation>Ligne {line} : {found} valeurs alors que l&apos;en-tête compte {expected} colonnes.</translation>
    </message>
    <message>
        <source>A name containing the separator must be in quotes: export the report from Zoom again rather than editing it.</source>
        <translation>Un nom contenant le séparateur doit être entre guillemets : exportez à nouveau le rapport depuis Zoom plutôt que de le modifier.</translation>
    </message>
    <message>
        <source>The report has more than {max} rows.</source>
        <translation>Le rapport dépasse {max} lignes.</translation>
    </message>
    <message>
        <source>Choose the participant report of a single meeting.</source>
        <translation>Choisissez le rapport des participants d&apos;une seule réunion.</translation>
    </message>
    <message>
        <source>Export the report from Zoom again rather than editing it.</source>
        <translation>Exportez à nouveau le rapport depuis Zoom plutôt que de le modifier.</translation>
    </message>
    <message>
        <source>Line {line}: the leave time is before the join time.</source>
        <translation>Ligne {line} : l&apos;heure de départ est avant l&apos;heure d&apos;arrivée.</translation>
    </message>
    <message>
        <source>Line {line}: the duration “{value}” is not a number of minutes.</source>
        <translation>Ligne {line} : la durée « {value} » n&apos;est pas un nombre de minutes.</translation>
    </message>
    <message>
        <source>Line {line}: the join time “{value}” is not a date and time.</source>
        <translation>Ligne {line} : l&apos;heure d&apos;arrivée « {value} » n&apos;est pas une date et une heure.</translation>
    </message>
    <message>
        <source>Line {line}: the leave time “{value}” is not a date and time.</source>
        <translation>Ligne {line} : l&apos;heure de départ « {value} » n&apos;est pas une date et une heure.</translation>
    </message>
    <message>
        <source>Use the report as Zoom exported it, or times like 24/11/2026 14:05.</source>
        <translation>Utilisez le rapport tel que Zoom l&apos;a exporté, ou des dates comme 24/11/2026 14:05.</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} n’existe pas.</translation>
    </message>
    <message>
        <source>Give a .toml or .md file, or a folder holding them.</source>
        <translation>Indiquez un fichier .toml ou .md, ou un dossier qui en contient.</translation>
    </message>
    <message>
        <source>No staff member is called “{name}”.</source>
        <translation>Aucun membre du personnel ne s’appelle « {name} ».</translation>
    </message>
    <message>
        <source>Give the exact name or the number of the staff member.</source>
        <translation>Indiquez le nom exact ou le numéro du membre du personnel.</translation>
    </message>
    <message>
        <source>There is no checklist “{id}”.</source>
        <translation>Il n’y a pas de liste de contrôle « {id} ».</translation>
    </message>
    <message>
        <source>See the list with “regie checklists list”.</source>
        <translation>Voyez les listes disponibles avec « regie checklists list ».</translation>
    </message>
    <message>
        <source>The checklist “{title}” is not meant for this mode.</source>
        <translation>La liste « {title} » n’est pas prévue pour ce type de séance.</translation>
    </message>
    <message>
        <source>Choose a checklist written for this session&apos;s mode.</source>
        <translation>Choisissez une liste prévue pour le mode de cette séance (à distance ou hybride).</translation>
    </message>
    <message>
        <source>The checklist “{title}” has no step for this mode.</source>
        <translation>La liste « {title} » n’a aucune étape pour ce mode.</translation>
    </message>
    <message>
        <source>Ask your technician to complete the checklist file.</source>
        <translation>Demandez au technicien de compléter le fichier de la liste.</translation>
    </message>
    <message>
        <source>The step “{title}” is not done yet.</source>
        <translation>L’étape « {title} » n’est pas encore faite.</translation>
    </message>
    <message>
        <source>Do it and tick it, or skip it with a reason.</source>
        <translation>Faites-la puis cochez-la, ou passez-la en donnant la raison.</translation>
    </message>
    <message>
        <source>A skipped step needs a reason.</source>
        <translation>Pour passer une étape, il faut en donner la raison.</translation>
    </message>
    <message>
        <source>Say in a few words why this step was not done.</source>
        <translation>Dites en quelques mots pourquoi cette étape n’a pas été faite.</translation>
    </message>
    <message>
        <source>{count} step(s) are neither done nor skipped.</source>
        <translation>Étapes ni faites ni passées&#xa0;: {count}.</translation>
    </message>
    <message>
        <source>Tick them, or skip them with a reason, then sign off.</source>
        <translation>Cochez-les, ou passez-les avec une raison, puis validez.</translation>
    </message>
    <message>
        <source>This run is already finished.</source>
        <translation>Cette liste est déjà terminée.</translation>
    </message>
    <message>
        <source>Start a new run to go through the checklist again.</source>
        <translation>Commencez une nouvelle liste pour la refaire.</translation>
    </message>
    <message>
        <source>The checklist “{id}” of this run is no longer installed.</source>
        <translation>La liste « {id} » de ce déroulé n’est plus installée.</translation>
    </message>
    <message>
        <source>Put its file back in the checklists folder, or start anew.</source>
        <translation>Remettez son fichier dans le dossier des listes, ou recommencez avec une autre liste.</translation>
    </message>
    <message>
        <source>--days must be between 1 and 92.</source>
        <translation>--days doit être compris entre 1 et 92.</translation>
    </message>
    <message>
        <source>Choose a shorter period.</source>
        <translation>Choisissez une période plus courte.</translation>
    </message>
    <message>
        <source>“{value}” is not an active staff member.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un membre actif du personnel.</translation>
    </message>
    <message>
        <source>Give your full name as the app lists it (Sessions › Host).</source>
        <translation>Donnez votre nom complet tel que l’application l’affiche (Séances › Animation).</translation>
    </message>
    <message>
        <source>Session {id} has no host: say who is launching it.</source>
        <translation>La séance {id} n’a pas d’animateur ou d’animatrice&#xa0;: indiquez qui la lance.</translation>
    </message>
    <message>
        <source>Add --as followed by your name as the staff list shows it, or give the session a host (regie sessions edit {id} --host NAME).</source>
        <translation>Ajoutez --as suivi de votre nom tel que la liste du personnel l’affiche, ou donnez un animateur ou une animatrice à la séance (regie sessions edit {id} --host NOM).</translation>
    </message>
    <message>
        <source>Neither the Zoom application nor a web browser could be opened.</source>
        <translation>Ni l&apos;application Zoom ni un navigateur web n&apos;ont pu être ouverts.</translation>
    </message>
    <message>
        <source>Install Zoom, or open {url} yourself.</source>
        <translation>Installez Zoom, ou ouvrez vous-même {url}.</translation>
    </message>
    <message>
        <source>“{value}” is not a Zoom meeting ID (9 to 11 digits).</source>
        <translation>« {value} » n&apos;est pas un numéro de réunion Zoom (9 à 11 chiffres).</translation>
    </message>
    <message>
        <source>Copy the meeting ID from the Zoom invitation.</source>
        <translation>Copiez le numéro de réunion depuis l&apos;invitation Zoom.</translation>
    </message>
    <message>
        <source>The join link must be a Zoom https:// address.</source>
        <translation>Le lien pour rejoindre doit être une adresse Zoom en https://.</translation>
    </message>
    <message>
        <source>Copy the link from the Zoom invitation (https://…zoom.us/j/…).</source>
        <translation>Copiez le lien depuis l&apos;invitation Zoom (https://…zoom.us/j/…).</translation>
    </message>
    <message>
        <source>This Zoom link does not name a meeting.</source>
        <translation>Ce lien Zoom ne désigne aucune réunion.</translation>
    </message>
    <message>
        <source>Enter its meeting ID and passcode with “regie sessions meeting {id} --meeting-id … --passcode-stdin”.</source>
        <translation>Saisissez son ID de réunion et son code secret avec «&#xa0;regie sessions meeting {id} --meeting-id … --passcode-stdin&#xa0;».</translation>
    </message>
    <message>
        <source>Session {id} is over or cancelled; it cannot be launched.</source>
        <translation>La séance {id} est terminée ou annulée ; elle ne peut pas être lancée.</translation>
    </message>
    <message>
        <source>Check the session number with “regie sessions list”.</source>
        <translation>Vérifiez le numéro de la séance avec « regie sessions list ».</translation>
    </message>
    <message>
        <source>Session {id} has no Zoom meeting yet.</source>
        <translation>La séance {id} n&apos;a pas encore de réunion Zoom.</translation>
    </message>
    <message>
        <source>Enter its meeting ID and passcode in Sessions › Edit › Licence and meeting.</source>
        <translation>Saisissez son numéro de réunion et son code secret dans Séances › Modifier › Licence et réunion.</translation>
    </message>
    <message>
        <source>The secret is empty.</source>
        <translation>Le secret est vide.</translation>
    </message>
    <message>
        <source>Type it again; nothing was saved.</source>
        <translation>Saisissez-le de nouveau ; rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>The secret is too long for the keyring ({size} bytes; at most {max} bytes, about {chars} characters).</source>
        <translation>Le secret est trop long pour le trousseau ({size} octets ; {max} octets au plus, soit environ {chars} caractères).</translation>
    </message>
    <message>
        <source>Check what was pasted; nothing was saved.</source>
        <translation>Vérifiez ce qui a été collé ; rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>A host key is 6 to 10 digits.</source>
        <translation>Une clé d&apos;animateur compte de 6 à 10 chiffres.</translation>
    </message>
    <message>
        <source>Copy it from the Zoom profile page (Profile › Host key).</source>
        <translation>Copiez-la depuis la page de profil Zoom (Profil › Clé d&apos;animateur).</translation>
    </message>
    <message>
        <source>A Zoom passcode has 1 to 10 letters, digits or @ * _ - .</source>
        <translation>Un code secret Zoom compte de 1 à 10 lettres, chiffres ou @ * _ - .</translation>
    </message>
    <message>
        <source>Copy it from the meeting invitation.</source>
        <translation>Copiez-le depuis l&apos;invitation à la réunion.</translation>
    </message>
    <message>
        <source>Only a local database can be copied to the network.</source>
        <translation>Seule une base locale peut être copiée vers le réseau.</translation>
    </message>
    <message>
        <source>Run this on the branch&apos;s own database: regie --db FILE db migrate-to URL.</source>
        <translation>Lancez-le sur la base propre à l’établissement : regie --db FICHIER db migrate-to URL.</translation>
    </message>
    <message>
        <source>No password was given on standard input.</source>
        <translation>Aucun mot de passe n’a été fourni sur l’entrée standard.</translation>
    </message>
    <message>
        <source>Pipe it in: printf &apos;%s&apos; &quot;$PASSWORD&quot; | regie db set-password URL.</source>
        <translation>Transmettez-le par un tube : printf &apos;%s&apos; &quot;$PASSWORD&quot; | regie db set-password URL.</translation>
    </message>
    <message>
        <source>The source and the target are the same database.</source>
        <translation>La source et la destination sont la même base de données.</translation>
    </message>
    <message>
        <source>Give the address of the network&apos;s server as the target.</source>
        <translation>Indiquez comme destination l’adresse du serveur du réseau.</translation>
    </message>
    <message>
        <source>The two databases are at different schema versions.</source>
        <translation>Les deux bases de données n’ont pas la même version de schéma.</translation>
    </message>
    <message>
        <source>Run “regie db upgrade” on both, then try again.</source>
        <translation>Lancez « regie db upgrade » sur les deux, puis réessayez.</translation>
    </message>
    <message>
        <source>The database {path} already holds a network; nothing was copied.</source>
        <translation>La base {path} contient déjà un réseau ; rien n’a été copié.</translation>
    </message>
    <message>
        <source>Copy into a new, empty database, or ask its technician to empty it.</source>
        <translation>Copiez vers une nouvelle base vide, ou demandez à son technicien de la vider.</translation>
    </message>
    <message>
        <source>The copy of table {table} has {got} rows instead of {want}; nothing was copied.</source>
        <translation>La copie de la table {table} compte {got} lignes au lieu de {want} ; rien n’a été copié.</translation>
    </message>
    <message>
        <source>Report this to your technician with both databases.</source>
        <translation>Signalez-le à votre technicien en lui fournissant les deux bases.</translation>
    </message>
    <message>
        <source>The data of {path} breaks a rule of the network database; nothing was copied.</source>
        <translation>Les données de {path} enfreignent une règle de la base du réseau ; rien n’a été copié.</translation>
    </message>
    <message>
        <source>Fix the reported rows in the local database, then try again: {detail}</source>
        <translation>Corrigez les lignes signalées dans la base locale, puis réessayez : {detail}</translation>
    </message>
    <message>
        <source>Régie cannot write its offline queue {path}.</source>
        <translation>Régie ne peut pas écrire sa file d’attente hors ligne {path}.</translation>
    </message>
    <message>
        <source>Check the permissions and free space of the data folder.</source>
        <translation>Vérifiez les droits et l’espace libre du dossier de données.</translation>
    </message>
    <message>
        <source>The database server cannot be reached: the result is kept on this computer and will be sent when the server answers again ({count} waiting).</source>
        <translation>Le serveur de base de données est injoignable : le résultat est gardé sur cet ordinateur et sera envoyé dès que le serveur répondra ({count} en attente).</translation>
    </message>
    <message>
        <source>This checklist run has just been sent to the server.</source>
        <translation>Cette liste vient d’être envoyée au serveur.</translation>
    </message>
    <message>
        <source>Pick it again in the list of unfinished runs.</source>
        <translation>Choisissez-la de nouveau parmi les listes en cours.</translation>
    </message>
    <message>
        <source>With these buffers, “{first}” and “{second}” would hold the licence “{licence}” at the same time, beyond its limit of {limit} meeting(s) at once.</source>
        <translation>Avec ces marges, « {first} » et « {second} » occuperaient la licence « {licence} » en même temps, au-delà de sa limite de {limit} réunion(s) simultanée(s).</translation>
    </message>
    <message>
        <source>Keep the current buffers, or give one of these sessions another licence first.</source>
        <translation>Gardez les marges actuelles, ou attribuez d’abord une autre licence à l’une de ces séances.</translation>
    </message>
    <message>
        <source>A passcode needs its meeting ID.</source>
        <translation>Un code secret ne va pas sans son numéro de réunion.</translation>
    </message>
    <message>
        <source>Type the meeting ID, or paste the join link.</source>
        <translation>Saisissez le numéro de réunion, ou collez le lien d&apos;invitation.</translation>
    </message>
    <message>
        <source>The join link is for meeting {link}, not {meeting}.</source>
        <translation>Le lien d&apos;invitation est celui de la réunion {link}, pas de la réunion {meeting}.</translation>
    </message>
    <message>
        <source>Paste the link of this meeting, or correct its ID.</source>
        <translation>Collez le lien de cette réunion, ou corrigez son numéro.</translation>
    </message>
    <message>
        <source>--days must be between 1 and {max}.</source>
        <translation>--days doit être compris entre 1 et {max}.</translation>
    </message>
    <message>
        <source>Give a number of days, e.g. --days 1 for the day alone.</source>
        <translation>Indiquez un nombre de jours, par exemple --days 1 pour la journée seule.</translation>
    </message>
    <message>
        <source>--undo takes a skip back; it has no reason.</source>
        <translation>--undo revient sur une étape passée&#xa0;; il ne prend pas de raison.</translation>
    </message>
    <message>
        <source>Leave out --reason, or --undo to skip the step.</source>
        <translation>Retirez --reason, ou bien --undo pour passer l’étape.</translation>
    </message>
    <message>
        <source>The step “{step}” cannot be skipped.</source>
        <translation>L’étape «&#xa0;{step}&#xa0;» ne peut pas être passée.</translation>
    </message>
    <message>
        <source>Skip one of: {steps}. The Zoom meeting and the launch are needed.</source>
        <translation>Passez l’une de celles-ci&#xa0;: {steps}. La réunion Zoom et le lancement sont indispensables.</translation>
    </message>
    <message>
        <source>The reason is longer than {max} characters.</source>
        <translation>La raison dépasse {max} caractères.</translation>
    </message>
    <message>
        <source>Say in a few words why it is left out (for example: no camera in this room).</source>
        <translation>Dites en quelques mots pourquoi elle est laissée de côté (par exemple&#xa0;: pas de caméra dans cette salle).</translation>
    </message>
    <message>
        <source>Marking a session ready by hand needs a reason.</source>
        <translation>Pour déclarer une séance prête à la main, il faut une raison.</translation>
    </message>
    <message>
        <source>Say in a few words why it is ready although steps are missing.</source>
        <translation>Dites en quelques mots pourquoi elle est prête alors que des étapes manquent.</translation>
    </message>
    <message>
        <source>Session {id} is “{status}”: only a planned session can be marked ready.</source>
        <translation>La séance {id} est «&#xa0;{status}&#xa0;»&#xa0;: seule une séance prévue peut être déclarée prête.</translation>
    </message>
    <message>
        <source>Choose a session still to come (“regie today”).</source>
        <translation>Choisissez une séance encore à venir («&#xa0;regie today&#xa0;»).</translation>
    </message>
    <message>
        <source>The reason is empty.</source>
        <translation>La raison est vide.</translation>
    </message>
    <message>
        <source>Say why, in a few words.</source>
        <translation>Dites pourquoi, en quelques mots.</translation>
    </message>
    <message>
        <source>Compare two different devices.</source>
        <translation>Comparez deux appareils différents.</translation>
    </message>
    <message>
        <source>Give the numbers of two devices from “regie devices list”.</source>
        <translation>Donnez les numéros de deux appareils de «&#xa0;regie devices list&#xa0;».</translation>
    </message>
    <message>
        <source>The capacity “{value}” must be at least 1.</source>
        <translation>La jauge «&#xa0;{value}&#xa0;» doit valoir au moins 1.</translation>
    </message>
    <message>
        <source>Enter how many places the session has.</source>
        <translation>Saisissez le nombre de places de la séance.</translation>
    </message>
    <message>
        <source>The risk “{value}” must lie between 0 and 1 (e.g. 0.1 for 10 %).</source>
        <translation>Le risque «&#xa0;{value}&#xa0;» doit être compris entre 0 et 1 (par exemple 0.1 pour 10&#xa0;%).</translation>
    </message>
    <message>
        <source>Give the accepted chance of a full room as a fraction.</source>
        <translation>Donnez la probabilité acceptée d’une salle trop pleine sous forme de fraction.</translation>
    </message>
    <message>
        <source>The registration names nobody.</source>
        <translation>L’inscription ne nomme personne.</translation>
    </message>
    <message>
        <source>Type a name, an e-mail address or a phone number.</source>
        <translation>Saisissez un nom, une adresse e-mail ou un numéro de téléphone.</translation>
    </message>
    <message>
        <source>A name, e-mail or phone is longer than {max} characters.</source>
        <translation>Un nom, un e-mail ou un téléphone dépasse {max} caractères.</translation>
    </message>
    <message>
        <source>“{value}” is not an e-mail address.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas une adresse e-mail.</translation>
    </message>
    <message>
        <source>Correct the e-mail address, or leave it empty.</source>
        <translation>Corrigez l’adresse e-mail, ou laissez-la vide.</translation>
    </message>
    <message>
        <source>“{value}” is not a phone number.</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un numéro de téléphone.</translation>
    </message>
    <message>
        <source>Type digits, spaces and an optional leading +.</source>
        <translation>Saisissez des chiffres, des espaces et éventuellement un + au début.</translation>
    </message>
    <message>
        <source>Registration {id} is already cancelled.</source>
        <translation>L’inscription {id} est déjà annulée.</translation>
    </message>
    <message>
        <source>Choose a registration still active.</source>
        <translation>Choisissez une inscription encore active.</translation>
    </message>
    <message>
        <source>Registration {id} is not on the waiting list.</source>
        <translation>L’inscription {id} n’est pas sur la liste d’attente.</translation>
    </message>
    <message>
        <source>Choose someone on the waiting list.</source>
        <translation>Choisissez une personne de la liste d’attente.</translation>
    </message>
    <message>
        <source>Session {id} was cancelled: it takes no registrations.</source>
        <translation>La séance {id} a été annulée&#xa0;: elle ne prend pas d’inscriptions.</translation>
    </message>
    <message>
        <source>Choose a session that will take place.</source>
        <translation>Choisissez une séance qui aura lieu.</translation>
    </message>
    <message>
        <source>Session {id} is over: its registrations are closed.</source>
        <translation>La séance {id} est terminée&#xa0;: ses inscriptions sont closes.</translation>
    </message>
    <message>
        <source>There is no registration {id}.</source>
        <translation>Il n’y a pas d’inscription {id}.</translation>
    </message>
    <message>
        <source>Check the number in the session&apos;s registration list.</source>
        <translation>Vérifiez le numéro dans la liste des inscriptions de la séance.</translation>
    </message>
    <message>
        <source>Device {id} does not exist.</source>
        <translation>L’appareil {id} n’existe pas.</translation>
    </message>
    <message>
        <source>Check the number with “regie devices list”.</source>
        <translation>Vérifiez le numéro avec «&#xa0;regie devices list&#xa0;».</translation>
    </message>
    <message>
        <source>The serial number {serial} already belongs to device {id} (“{label}”).</source>
        <translation>Le numéro de série {serial} appartient déjà à l’appareil {id} («&#xa0;{label}&#xa0;»).</translation>
    </message>
    <message>
        <source>Check the number on the device&apos;s label; each serial is recorded once.</source>
        <translation>Vérifiez le numéro sur l’étiquette de l’appareil&#xa0;; chaque numéro de série n’est enregistré qu’une fois.</translation>
    </message>
    <message>
        <source>Branch {id} does not exist.</source>
        <translation>La bibliothèque {id} n’existe pas.</translation>
    </message>
    <message>
        <source>Choose one of the network&apos;s branches.</source>
        <translation>Choisissez l’une des bibliothèques du réseau.</translation>
    </message>
    <message>
        <source>device {id} does not exist</source>
        <translation>l’appareil {id} n’existe pas</translation>
    </message>
    <message>
        <source>serial {serial} already belongs to device {id} (“{label}”)</source>
        <translation>le numéro de série {serial} appartient déjà à l’appareil {id} («&#xa0;{label}&#xa0;»)</translation>
    </message>
    <message>
        <source>The file could not be read to its end: the reading stopped.</source>
        <translation>Le fichier n’a pas pu être lu jusqu’au bout : la lecture s’est arrêtée.</translation>
    </message>
    <message>
        <source>Import it again; if it stops again, restart Régie.</source>
        <translation>Importez-le de nouveau ; si la lecture s’arrête encore, redémarrez Régie.</translation>
    </message>
</context>
<context>
    <name>forecast</name>
    <message>
        <source>For {capacity} places, accept {accept} registrations: {rate} % no-shows on average over {sessions} sessions “{label}”.</source>
        <translation>Pour {capacity} places, acceptez {accept} inscriptions&#xa0;: {rate}&#xa0;% d’absents en moyenne sur {sessions} séances «&#xa0;{label}&#xa0;».</translation>
    </message>
    <message>
        <source>Too little history for “{label}” (sessions held: {own}): with the network&apos;s rate, {rate} % no-shows over {sessions} sessions, accept {accept} registrations for {capacity} places.</source>
        <translation>Trop peu d’historique pour «&#xa0;{label}&#xa0;» (séances tenues&#xa0;: {own})&#xa0;: avec le taux du réseau, {rate}&#xa0;% d’absents sur {sessions} séances, acceptez {accept} inscriptions pour {capacity} places.</translation>
    </message>
    <message>
        <source>No session held yet with registrations and attendance: accept {capacity} registrations for {capacity} places.</source>
        <translation>Aucune séance tenue avec inscriptions et présences pour l’instant&#xa0;: acceptez {capacity} inscriptions pour {capacity} places.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>30 minutes before</source>
        <translation>30 minutes avant</translation>
    </message>
    <message>
        <source>5 minutes before</source>
        <translation>5 minutes avant</translation>
    </message>
    <message>
        <source>At the start</source>
        <translation>Au début</translation>
    </message>
    <message>
        <source>After the session</source>
        <translation>Après la séance</translation>
    </message>
    <message>
        <source>Camera check</source>
        <translation>Test de la webcam</translation>
    </message>
    <message>
        <source>Audio check</source>
        <translation>Test du son</translation>
    </message>
    <message>
        <source>Echo check</source>
        <translation>Test de l’écho</translation>
    </message>
    <message>
        <source>Licence assigned</source>
        <translation>Licence attribuée</translation>
    </message>
    <message>
        <source>Licence secrets ready</source>
        <translation>Accès de la licence prêts</translation>
    </message>
    <message>
        <source>Zoom launched</source>
        <translation>Zoom lancé</translation>
    </message>
    <message>
        <source>Guided (one step at a time)</source>
        <translation>Guidé (une étape à la fois)</translation>
    </message>
    <message>
        <source>Checklist (whole list)</source>
        <translation>Liste complète (cocher ce qui est fait)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Simulated microphone ({name})</source>
        <translation>Micro simulé ({name})</translation>
    </message>
    <message>
        <source>Simulated camera ({name})</source>
        <translation>Caméra simulée ({name})</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Appareil par défaut du système</translation>
    </message>
    <message>
        <source>Pro</source>
        <translation>Pro</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <source>Large meetings add-on</source>
        <translation>Option grandes réunions</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>À distance</translation>
    </message>
    <message>
        <source>Hybrid</source>
        <translation>Hybride</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>AV technician</source>
        <translation>Technicien audiovisuel</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Stagiaire</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Coordination</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Autres actions</translation>
    </message>
    <message>
        <source>No verdict yet</source>
        <translation>Pas encore de résultat</translation>
    </message>
    <message>
        <source>Account password</source>
        <translation>Mot de passe du compte</translation>
    </message>
    <message>
        <source>Host key</source>
        <translation>Clé d&apos;animateur</translation>
    </message>
    <message>
        <source>Meeting passcode</source>
        <translation>Code secret de la réunion</translation>
    </message>
    <message>
        <source>{subject}: {verdict}</source>
        <translation>{subject}&#xa0;: {verdict}</translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <source>In Zoom, open Participants, choose “Claim host” and type the host key of “{licence}” (on that account&apos;s Zoom profile page; Régie&apos;s window copies it for you).</source>
        <translation>Dans Zoom, ouvrez Participants, choisissez « Récupérer le rôle d’animateur » et tapez la clé d’animateur de « {licence} » (sur la page de profil Zoom de ce compte ; la fenêtre de Régie la copie pour vous).</translation>
    </message>
    <message>
        <source>In Zoom, open Participants, choose “Claim host” and paste the host key of “{licence}” (Ctrl+V).</source>
        <translation>Dans Zoom, ouvrez Participants, choisissez « Récupérer le rôle d&apos;animateur » et collez la clé d&apos;animateur de « {licence} » (Ctrl+V).</translation>
    </message>
    <message>
        <source>No host key for “{licence}” is saved on this computer: sign in to Zoom with the licence&apos;s account, or ask the coordinator to add the host key in Licences.</source>
        <translation>Aucune clé d&apos;animateur pour « {licence} » n&apos;est enregistrée sur cet ordinateur : connectez-vous à Zoom avec le compte de la licence, ou demandez au coordinateur d&apos;ajouter la clé dans Licences.</translation>
    </message>
    <message>
        <source>This session has no licence, so no host key is ready: choose one in Sessions › Edit › Licence and meeting.</source>
        <translation>Cette séance n&apos;a pas de licence, donc pas de clé d&apos;animateur prête&#xa0;: choisissez-en une dans Séances › Modifier › Licence et réunion.</translation>
    </message>
</context>
<context>
    <name>licences</name>
    <message>
        <source>The licence “{licence}” is deactivated.</source>
        <translation>La licence « {licence} » est désactivée.</translation>
    </message>
    <message>
        <source>Reactivate it in Licences, or choose another licence.</source>
        <translation>Réactivez-la dans Licences, ou choisissez une autre licence.</translation>
    </message>
    <message>
        <source>The licence “{licence}” is reserved for another branch.</source>
        <translation>La licence « {licence} » est réservée à une autre bibliothèque.</translation>
    </message>
    <message>
        <source>Choose a licence shared by the network or reserved for this branch.</source>
        <translation>Choisissez une licence partagée par le réseau ou réservée à cette bibliothèque.</translation>
    </message>
    <message>
        <source>The session expects {capacity} participants but the licence “{licence}” admits {cap}.</source>
        <translation>La séance attend {capacity} participants mais la licence « {licence} » n&apos;en accepte que {cap}.</translation>
    </message>
    <message>
        <source>Choose a larger licence or lower the session&apos;s capacity.</source>
        <translation>Choisissez une licence plus grande ou réduisez la jauge de la séance.</translation>
    </message>
    <message>
        <source>The licence “{licence}” is already booked for session {session_id} “{title}” ({when}), which overlaps this one (buffers: {before} min before, {after} min after).</source>
        <translation>La licence « {licence} » est déjà réservée pour la séance {session_id} « {title} » ({when}), qui chevauche celle-ci (marges : {before} min avant, {after} min après).</translation>
    </message>
    <message>
        <source>Choose another licence or the best free one, or move one of the sessions.</source>
        <translation>Choisissez une autre licence ou la meilleure licence libre, ou déplacez l&apos;une des séances.</translation>
    </message>
    <message>
        <source>Choose another licence, use --auto, or move one of the sessions.</source>
        <translation>Choisissez une autre licence, utilisez --auto, ou déplacez l’une des séances.</translation>
    </message>
    <message>
        <source>The licence “{licence}” was booked by someone else for that time.</source>
        <translation>La licence « {licence} » vient d’être réservée par quelqu’un d’autre pour ce créneau.</translation>
    </message>
    <message>
        <source>Choose another licence or the best free one.</source>
        <translation>Choisissez une autre licence ou la meilleure licence libre.</translation>
    </message>
    <message>
        <source>Refresh the planning, then choose another licence or use --auto.</source>
        <translation>Actualisez le planning, puis choisissez une autre licence ou utilisez --auto.</translation>
    </message>
</context>
<context>
    <name>readiness</name>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Son</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Liste de contrôle</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Zoom meeting</source>
        <translation>Réunion Zoom</translation>
    </message>
    <message>
        <source>Launch</source>
        <translation>Lancement</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Fréquentation</translation>
    </message>
    <message>
        <source>Check the camera</source>
        <translation>Vérifier la caméra</translation>
    </message>
    <message>
        <source>Check the sound</source>
        <translation>Vérifier le son</translation>
    </message>
    <message>
        <source>Run the checklist</source>
        <translation>Suivre la liste de contrôle</translation>
    </message>
    <message>
        <source>Book a licence</source>
        <translation>Réserver une licence</translation>
    </message>
    <message>
        <source>Enter the Zoom meeting</source>
        <translation>Saisir la réunion Zoom</translation>
    </message>
    <message>
        <source>Launch Zoom</source>
        <translation>Lancer Zoom</translation>
    </message>
    <message>
        <source>Record attendance</source>
        <translation>Saisir la fréquentation</translation>
    </message>
    <message>
        <source>Not checked for this session yet</source>
        <translation>Pas encore vérifié pour cette séance</translation>
    </message>
    <message>
        <source>Checked with {device}</source>
        <translation>Vérifié avec {device}</translation>
    </message>
    <message>
        <source>Checked with {device}, without the speaker and echo tests a hybrid room needs</source>
        <translation>Vérifié avec {device}, sans les tests des haut-parleurs et de l’écho qu’exige une salle hybride</translation>
    </message>
    <message>
        <source>Checked with {device}, with the echo test only: test the microphone</source>
        <translation>Vérifié avec {device}, avec le seul test d’écho&#xa0;: vérifiez le micro</translation>
    </message>
    <message>
        <source>No checklist run for this session yet</source>
        <translation>Aucune liste de contrôle suivie pour cette séance</translation>
    </message>
    <message>
        <source>{done}/{total} steps at {pause}</source>
        <translation>Étapes faites&#xa0;: {done}/{total} à {pause}</translation>
    </message>
    <message>
        <source>No licence booked</source>
        <translation>Aucune licence réservée</translation>
    </message>
    <message>
        <source>{licence} booked; its host key is not in the keyring</source>
        <translation>{licence} réservée&#xa0;; sa clé d’hôte n’est pas dans le coffre à mots de passe</translation>
    </message>
    <message>
        <source>{licence} booked</source>
        <translation>{licence} réservée</translation>
    </message>
    <message>
        <source>Skipped: {reason}</source>
        <translation>Passée&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Meeting entered</source>
        <translation>Réunion saisie</translation>
    </message>
    <message>
        <source>No Zoom meeting entered</source>
        <translation>Aucune réunion Zoom saisie</translation>
    </message>
    <message>
        <source>Launched</source>
        <translation>Lancée</translation>
    </message>
    <message>
        <source>Not launched yet</source>
        <translation>Pas encore lancée</translation>
    </message>
    <message>
        <source>After the session</source>
        <translation>Après la séance</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Saisie</translation>
    </message>
    <message>
        <source>Not recorded yet</source>
        <translation>Pas encore saisie</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Faite</translation>
    </message>
    <message>
        <source>To look at</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>À faire</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Passée</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>Sans objet</translation>
    </message>
    <message>
        <source>Ready to launch</source>
        <translation>Prête à lancer</translation>
    </message>
    <message>
        <source>Not ready</source>
        <translation>Pas prête</translation>
    </message>
    <message>
        <source>Ready (set by hand: {reason})</source>
        <translation>Prête (déclarée à la main&#xa0;: {reason})</translation>
    </message>
    <message>
        <source>{label}: {word}</source>
        <translation>{label}&#xa0;: {word}</translation>
    </message>
    <message>
        <source>{short} — {detail}</source>
        <translation>{short} — {detail}</translation>
    </message>
</context>
<context>
    <name>registrations</name>
    <message>
        <source>Registered</source>
        <translation>Inscrite</translation>
    </message>
    <message>
        <source>Waiting list</source>
        <translation>Liste d’attente</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Hello {name},

A place has freed up for “{title}” on {date} at {time}: your registration is confirmed.</source>
        <translation>Bonjour {name},

Une place s’est libérée pour «&#xa0;{title}&#xa0;» le {date} à {time}&#xa0;: votre inscription est confirmée.</translation>
    </message>
    <message>
        <source>Join the session with this link: {link}</source>
        <translation>Rejoignez la séance avec ce lien&#xa0;: {link}</translation>
    </message>
    <message>
        <source>The meeting passcode follows in a separate message.</source>
        <translation>Le code secret de la réunion suit dans un message séparé.</translation>
    </message>
    <message>
        <source>We look forward to seeing you at {branch}, or online.</source>
        <translation>Au plaisir de vous accueillir à {branch}, ou en ligne.</translation>
    </message>
    <message>
        <source>If you can no longer come, please let us know.</source>
        <translation>Si vous ne pouvez plus venir, merci de nous prévenir.</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>Sessions</source>
        <translation>Séances</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Inscrits</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connectés</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>Sur place</translation>
    </message>
    <message>
        <source>No-show %</source>
        <translation>Absents %</translation>
    </message>
    <message>
        <source>Session type</source>
        <translation>Type de séance</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>Semaine du</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Sessions per week</source>
        <translation>Séances par semaine</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Aucune donnée</translation>
    </message>
    <message>
        <source>No-show by session type</source>
        <translation>Absents par type de séance</translation>
    </message>
    <message>
        <source>No-show by branch</source>
        <translation>Absents par bibliothèque</translation>
    </message>
    <message>
        <source>Whole network</source>
        <translation>Tout le réseau</translation>
    </message>
    <message>
        <source>Period: {start} – {end} · {where}</source>
        <translation>Période : {start} – {end} · {where}</translation>
    </message>
    <message>
        <source>Activity report</source>
        <translation>Rapport d&apos;activité</translation>
    </message>
</context>
<context>
    <name>survey</name>
    <message>
        <source>Sessions held</source>
        <translation>Séances tenues</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulées</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Inscrits</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Unique registrants</source>
        <translation>Inscrits uniques</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <source>Remote</source>
        <translation>À distance</translation>
    </message>
    <message>
        <source>Hybrid</source>
        <translation>Hybrides</translation>
    </message>
    <message>
        <source>Session type</source>
        <translation>Type de séance</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Definitions</source>
        <translation>Définitions</translation>
    </message>
    <message>
        <source>Year: sessions starting between 1 January and 31 December, local time.</source>
        <translation>Année&#xa0;: séances commençant entre le 1er janvier et le 31 décembre, heure locale.</translation>
    </message>
    <message>
        <source>Sessions held: not cancelled, and marked done or with attendance recorded.</source>
        <translation>Séances tenues&#xa0;: non annulées, et marquées terminées ou avec des présences enregistrées.</translation>
    </message>
    <message>
        <source>Cancelled: sessions of the year marked cancelled.</source>
        <translation>Annulées&#xa0;: séances de l’année marquées annulées.</translation>
    </message>
    <message>
        <source>Registered: the registration counts of the sessions held.</source>
        <translation>Inscrits&#xa0;: les nombres d’inscrits des séances tenues.</translation>
    </message>
    <message>
        <source>Participants: people connected plus people on site, over the sessions held.</source>
        <translation>Participants&#xa0;: personnes connectées plus personnes sur place, sur les séances tenues.</translation>
    </message>
    <message>
        <source>Unique registrants: people registered to at least one session (by e-mail, else phone, else name), counted once per line; registrations whose personal data were purged count once each. A person registered in two branches counts once for the network, so the network&apos;s figure may be below the sum of the branches&apos;.</source>
        <translation>Inscrits uniques&#xa0;: personnes inscrites à au moins une séance (par e-mail, sinon téléphone, sinon nom), comptées une fois par ligne&#xa0;; les inscriptions dont les données personnelles ont été effacées comptent chacune une fois. Une personne inscrite dans deux bibliothèques compte une fois pour le réseau&#xa0;: le chiffre du réseau peut donc être inférieur à la somme des bibliothèques.</translation>
    </message>
    <message>
        <source>Hours: scheduled duration of the sessions held.</source>
        <translation>Heures&#xa0;: durée prévue des séances tenues.</translation>
    </message>
    <message>
        <source>Remote, hybrid: sessions held in each mode.</source>
        <translation>À distance, hybrides&#xa0;: séances tenues dans chaque mode.</translation>
    </message>
    <message>
        <source>Each session belongs to the branch that organises it and is counted once for the network, even when it is open to every branch.</source>
        <translation>Chaque séance appartient à la bibliothèque qui l’organise et compte une seule fois pour le réseau, même quand elle est ouverte à toutes les bibliothèques.</translation>
    </message>
    <message>
        <source>Yearly survey {year}</source>
        <translation>Enquête annuelle {year}</translation>
    </message>
</context>
<context>
    <name>vault</name>
    <message>
        <source>The passcode of session {id} is not on this computer.</source>
        <translation>Le code secret de la séance {id} n&apos;est pas sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Enter the meeting&apos;s passcode again in Sessions › Edit › Licence and meeting.</source>
        <translation>Saisissez de nouveau le code secret de la réunion dans Séances › Modifier › Licence et réunion.</translation>
    </message>
    <message>
        <source>No secure password store is available on this computer.</source>
        <translation>Aucun coffre à mots de passe sécurisé n&apos;est disponible sur cet ordinateur.</translation>
    </message>
    <message>
        <source>On Windows and macOS it is built in; on Linux install and start GNOME Keyring or KWallet, then restart Régie. Zoom secrets cannot be saved until then.</source>
        <translation>Sous Windows et macOS, il est intégré ; sous Linux, installez et démarrez GNOME Keyring ou KWallet, puis relancez Régie. D&apos;ici là, les secrets Zoom ne peuvent pas être enregistrés.</translation>
    </message>
    <message>
        <source>The password store is locked.</source>
        <translation>Le coffre à mots de passe est verrouillé.</translation>
    </message>
    <message>
        <source>Unlock it (log in again, or open “Passwords and Keys”), then check again.</source>
        <translation>Déverrouillez-le (reconnectez-vous, ou ouvrez « Mots de passe et clés »), puis vérifiez de nouveau.</translation>
    </message>
    <message>
        <source>The password store does not answer correctly.</source>
        <translation>Le coffre à mots de passe ne répond pas correctement.</translation>
    </message>
    <message>
        <source>Restart the computer; if it persists, call your technician.</source>
        <translation>Redémarrez l&apos;ordinateur ; si le problème persiste, appelez votre technicien.</translation>
    </message>
    <message>
        <source>Zoom secrets are kept in the system&apos;s password store.</source>
        <translation>Les secrets Zoom sont conservés dans le coffre à mots de passe du système.</translation>
    </message>
    <message>
        <source>Unlock it, then try again. Nothing was changed.</source>
        <translation>Déverrouillez-le, puis réessayez. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The secret was not in the password store.</source>
        <translation>Ce secret n&apos;était pas dans le coffre à mots de passe.</translation>
    </message>
    <message>
        <source>The password store refused the operation ({error}).</source>
        <translation>Le coffre à mots de passe a refusé l&apos;opération ({error}).</translation>
    </message>
    <message>
        <source>Check that it is unlocked, then try again. Nothing was changed.</source>
        <translation>Vérifiez qu&apos;il est déverrouillé, puis réessayez. Rien n&apos;a été modifié.</translation>
    </message>
</context>
</TS>
