{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/admin">{{t_admin_title}}</a></p>
<h1>{{t_import_title}}</h1>
{{#HAS_MESSAGE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/HAS_MESSAGE}}{{>FORM_ERRORS}}
{{#PREVIEW}}<section aria-labelledby="preview-h" id="import-preview">
<h2 id="preview-h">{{t_import_preview}} — {{KIND_LABEL}}</h2>
{{#CREATE}}<h3>{{t_import_create}} ({{COUNT}})</h3>
<ul id="import-create">{{#ROW}}<li>{{t_import_line}} {{LINE}}{{t_punct_colon}}<bdi>{{WHAT}}</bdi>{{#FILES}} — {{FILES}}{{/FILES}}</li>{{/ROW}}</ul>{{/CREATE}}
{{#UPDATE}}<h3>{{t_import_update}} ({{COUNT}})</h3>
<ul id="import-update">{{#ROW}}<li>{{t_import_line}} {{LINE}}{{t_punct_colon}}<bdi>{{WHAT}}</bdi> — {{FILES}}</li>{{/ROW}}</ul>{{/UPDATE}}
{{#UNCHANGED}}<h3>{{t_import_unchanged}} ({{COUNT}})</h3>
<ul id="import-unchanged">{{#ROW}}<li>{{t_import_line}} {{LINE}}{{t_punct_colon}}<bdi>{{WHAT}}</bdi></li>{{/ROW}}</ul>{{/UNCHANGED}}
{{#REFUSE}}<h3>{{t_import_refuse}} ({{COUNT}})</h3>
<ul id="import-refuse">{{#ROW}}<li>{{t_import_line}} {{LINE}}{{t_punct_comma}}<code>{{FIELD}}</code>{{t_punct_colon}}{{REASON}}</li>{{/ROW}}</ul>{{/REFUSE}}
{{#NOTHING}}<p id="import-nothing">{{t_import_nothing}}</p>{{/NOTHING}}
{{#CONFIRM}}<form method="post" action="{{P}}/admin/imports/{{PREVIEW_ID}}/confirm">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="help" id="confirm-help">{{t_import_confirm_help}}</p>
<p class="actions"><button type="submit" aria-describedby="confirm-help">{{t_import_confirm}}</button> <a href="{{P}}/admin/imports">{{t_confirm_cancel}}</a></p>
</form>{{/CONFIRM}}
</section>{{/PREVIEW}}
<form method="post" action="{{P}}/admin/imports" enctype="multipart/form-data" class="stack" id="import-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset><legend>{{t_import_kind}}</legend>
<label><input type="radio" id="import-kind-documents" name="kind" value="documents"{{#KIND_DOCUMENTS}} checked{{/KIND_DOCUMENTS}}> {{t_import_kind_documents}}</label>
<label><input type="radio" id="import-kind-resolutions" name="kind" value="resolutions"{{#KIND_RESOLUTIONS}} checked{{/KIND_RESOLUTIONS}}> {{t_import_kind_resolutions}}</label>
</fieldset>
{{#HAS_FILES_AGAIN}}<p class="note">{{FILES_AGAIN}}</p>{{/HAS_FILES_AGAIN}}
<label for="import-csv">{{t_import_csv}}</label>
{{#E_import_csv}}<p class="field-error" id="import-csv-error">{{E_MSG}}</p>{{/E_import_csv}}<input type="file" id="import-csv" name="csv" accept=".csv,text/csv" required aria-describedby="import-csv-help{{#E_import_csv}} import-csv-error{{/E_import_csv}}"{{#E_import_csv}} aria-invalid="true"{{/E_import_csv}}>
<p class="help" id="import-csv-help">{{t_import_csv_help}}</p>
<label for="import-files">{{t_import_files}}</label>
{{#E_import_files}}<p class="field-error" id="import-files-error">{{E_MSG}}</p>{{/E_import_files}}<input type="file" id="import-files" name="files" accept=".zip,application/zip"{{#E_import_files}} aria-invalid="true" aria-describedby="import-files-error"{{/E_import_files}}>
<p class="actions"><button type="submit">{{t_import_preview_button}}</button></p>
</form>
