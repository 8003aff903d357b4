{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/admin">{{t_admin_title}}</a> › <a href="{{P}}/admin/consultations/{{ID}}"{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="{{TITLE_DIR}}">{{TITLE_HTML:none}}</a></p>
<h1>{{t_consultation_edit}}{{t_punct_colon}}<span{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="{{TITLE_DIR}}">{{TITLE_HTML:none}}</span></h1>
{{>FORM_ERRORS}}
{{#NO_RESPONSES}}<p class="help" id="edit-help">{{t_consultation_edit_help_open}}</p>{{/NO_RESPONSES}}
{{#HAS_RESPONSES}}<p class="notice" id="edit-help">{{t_consultation_edit_help_corrections}}</p>{{/HAS_RESPONSES}}
<form method="post" action="{{P}}/admin/consultations/{{ID}}/edit" class="stack" aria-describedby="edit-help">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#TITLE_F}}<fieldset><legend>{{t_field_title}}</legend>
{{>LANGUAGES}}</fieldset>{{/TITLE_F}}
{{#DESC_F}}<fieldset><legend>{{t_field_description}}</legend>
{{>LANGUAGES}}</fieldset>{{/DESC_F}}
{{#QUESTION}}<fieldset><legend>{{t_question}} {{N}}{{#NEW}}{{t_punct_paren_open}}{{t_consultation_edit_new_question}}{{t_punct_paren_close}}{{/NEW}}</legend>
{{>LANGUAGES}}</fieldset>{{/QUESTION}}
<label for="e-opens">{{t_opens_at}}{{t_punct_paren_open}}{{V_TZ}}{{t_punct_paren_close}}</label>{{#E_e_opens}}<p class="field-error" id="e-opens-error">{{E_MSG}}</p>{{/E_e_opens}}<input id="e-opens" name="opens_at" type="datetime-local" step="1" required value="{{V_OPENS}}"{{#READONLY}} readonly{{/READONLY}}{{#E_e_opens}} aria-invalid="true" aria-describedby="e-opens-error"{{/E_e_opens}}>
<label for="e-deadline">{{t_deadline}}{{t_punct_paren_open}}{{V_TZ}}{{t_punct_paren_close}}</label>{{#E_e_deadline}}<p class="field-error" id="e-deadline-error">{{E_MSG}}</p>{{/E_e_deadline}}<input id="e-deadline" name="deadline" type="datetime-local" step="1" required value="{{V_DEADLINE}}"{{#READONLY}} readonly{{/READONLY}}{{#E_e_deadline}} aria-invalid="true" aria-describedby="e-deadline-error"{{/E_e_deadline}}>
<label for="e-tz">{{t_field_timezone}}</label>{{#E_e_tz}}<p class="field-error" id="e-tz-error">{{E_MSG}}</p>{{/E_e_tz}}<input type="text" id="e-tz" name="timezone" dir="ltr" required value="{{V_TZ}}"{{#READONLY}} readonly{{/READONLY}}{{#E_e_tz}} aria-invalid="true" aria-describedby="e-tz-error"{{/E_e_tz}}>
<label for="e-launched">{{t_launched_at}}</label>{{#E_e_launched}}<p class="field-error" id="e-launched-error">{{E_MSG}}</p>{{/E_e_launched}}<select id="e-launched" name="launched_at_meeting"{{#E_e_launched}} aria-invalid="true" aria-describedby="e-launched-error"{{/E_e_launched}}><option value="">—</option>{{#LAUNCHED}}<option value="{{MID}}"{{#SEL}} selected{{/SEL}}>{{MLABEL}}</option>{{/LAUNCHED}}</select>
<label for="e-meeting">{{t_consultation_meeting}}</label>{{#E_e_meeting}}<p class="field-error" id="e-meeting-error">{{E_MSG}}</p>{{/E_e_meeting}}<select id="e-meeting" name="meeting"{{#E_e_meeting}} aria-invalid="true" aria-describedby="e-meeting-error"{{/E_e_meeting}}><option value="">—</option>{{#MEETING}}<option value="{{MID}}"{{#SEL}} selected{{/SEL}}>{{MLABEL}}</option>{{/MEETING}}</select>
<label for="e-reason">{{t_consultation_edit_reason}}</label>{{#E_e_reason}}<p class="field-error" id="e-reason-error">{{E_MSG}}</p>{{/E_e_reason}}<input type="text" id="e-reason" name="reason" maxlength="2000" value="{{V_REASON}}" aria-describedby="e-reason-help{{#E_e_reason}} e-reason-error{{/E_e_reason}}"{{#E_e_reason}} aria-invalid="true"{{/E_e_reason}}>
<p id="e-reason-help" class="help">{{t_consultation_edit_reason_help}}</p>
<p class="actions"><button type="submit">{{t_save}}</button> <a href="{{P}}/admin/consultations/{{ID}}">{{t_confirm_cancel}}</a></p>
</form>
