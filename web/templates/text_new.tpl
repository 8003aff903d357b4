{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/meetings/{{MID}}/agenda">{{t_proc_title}}</a></p>
<h1>{{t_drafting_new_text}}</h1>
{{>FORM_ERRORS}}
<p>{{t_drafting_new_text_item}}{{t_punct_colon}}<bdi>{{ITEM_NUMBER}}</bdi> <span{{#ITEM_TITLE_FALLBACK}} lang="{{ITEM_TITLE_LANG}}"{{/ITEM_TITLE_FALLBACK}} dir="{{ITEM_TITLE_DIR}}">{{ITEM_TITLE_HTML:none}}</span></p>
<form method="post" action="{{P}}/texts" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="agenda_item" value="{{ITEM}}">
{{>FIELD}}
<label for="nt-access">{{t_doc_access}}</label><p class="help" id="nt-access-help">{{t_drafting_form_access_help}}</p>{{#E_nt_access}}<p class="field-error" id="nt-access-error">{{E_MSG}}</p>{{/E_nt_access}}
<select id="nt-access" name="access" aria-describedby="nt-access-help{{#E_nt_access}} nt-access-error{{/E_nt_access}}"{{#E_nt_access}} aria-invalid="true"{{/E_nt_access}}><option value="">{{t_drafting_form_access_default}}</option>{{#ACCESS}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/ACCESS}}</select>
{{#TITLE_F}}<fieldset><legend>{{t_field_title}}</legend>
{{>FIELD}}</fieldset>{{/TITLE_F}}
<fieldset id="nt-languages" tabindex="-1"{{#LANGS_ERR}} aria-describedby="nt-languages-error"{{/LANGS_ERR}}><legend>{{t_drafting_form_languages}}</legend>
{{#LANGS_ERR}}<p class="field-error" id="nt-languages-error">{{LANGS_MSG}}</p>{{/LANGS_ERR}}
{{#LANGS}}<p><input type="checkbox" id="nt-lang-{{CODE}}" name="lang_{{CODE}}" value="yes"{{#ON}} checked{{/ON}}> <label for="nt-lang-{{CODE}}" class="inline">{{LNAME}}</label></p>
{{/LANGS}}</fieldset>
<button type="submit">{{t_create}}</button>
</form>
