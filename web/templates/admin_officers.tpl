{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/admin">{{t_admin_title}}</a> › <a href="{{P}}/bodies/{{BODY_KEY}}"><bdi class="sym">{{ACRONYM}}</bdi></a></p>
<h1>{{t_officers_link}}{{t_punct_colon}}<bdi class="sym">{{ACRONYM}}</bdi></h1>
{{#HAS_MESSAGE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/HAS_MESSAGE}}
<form method="post" action="{{P}}/admin/bodies/{{BODY_KEY}}/officers" class="stack">
{{>FORM_ERRORS}}
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset><legend>{{t_officers_chair}}</legend>
<label for="o-chair-name">{{t_field_name}}</label>{{#E_o_chair_name}}<p class="field-error" id="o-chair-name-error">{{E_MSG}}</p>{{/E_o_chair_name}}<input type="text" id="o-chair-name" name="chair_name" value="{{CHAIR_NAME}}" maxlength="200" dir="auto"{{#E_o_chair_name}} aria-invalid="true" aria-describedby="o-chair-name-error"{{/E_o_chair_name}}>
<label for="o-chair-ms">{{t_proc_member_state_code}}</label>{{#E_o_chair_ms}}<p class="field-error" id="o-chair-ms-error">{{E_MSG}}</p>{{/E_o_chair_ms}}<input type="text" id="o-chair-ms" name="chair_ms" value="{{CHAIR_MS}}" maxlength="2" size="3" pattern="[A-Z]{2}" dir="ltr"{{#E_o_chair_ms}} aria-invalid="true" aria-describedby="o-chair-ms-error"{{/E_o_chair_ms}}>
</fieldset>
<fieldset><legend>{{t_officers_vice_chairs}}</legend>
{{#VICE}}<label for="o-vice{{I}}-name">{{t_field_name}} ({{N}})</label><input type="text" id="o-vice{{I}}-name" name="vice{{I}}_name" value="{{NAME}}" maxlength="200" dir="auto">
<label for="o-vice{{I}}-ms">{{t_proc_member_state_code}}{{t_punct_paren_open}}{{N}}{{t_punct_paren_close}}</label><input type="text" id="o-vice{{I}}-ms" name="vice{{I}}_ms" value="{{MS}}" maxlength="2" size="3" pattern="[A-Z]{2}" dir="ltr">
{{/VICE}}</fieldset>
<fieldset><legend>{{t_officers_secretary}}</legend>
<label for="o-sec-name">{{t_field_name}}</label>{{#E_o_sec_name}}<p class="field-error" id="o-sec-name-error">{{E_MSG}}</p>{{/E_o_sec_name}}<input type="text" id="o-sec-name" name="secretary_name" value="{{SECRETARY_NAME}}" maxlength="200" dir="auto"{{#E_o_sec_name}} aria-invalid="true" aria-describedby="o-sec-name-error"{{/E_o_sec_name}}>
<label for="o-sec-ms">{{t_proc_member_state_code}}</label>{{#E_o_sec_ms}}<p class="field-error" id="o-sec-ms-error">{{E_MSG}}</p>{{/E_o_sec_ms}}<input type="text" id="o-sec-ms" name="secretary_ms" value="{{SECRETARY_MS}}" maxlength="2" size="3" pattern="[A-Z]{2}" dir="ltr"{{#E_o_sec_ms}} aria-invalid="true" aria-describedby="o-sec-ms-error"{{/E_o_sec_ms}}>
</fieldset>
<fieldset><legend>{{t_officers_supported_by}}</legend>
{{#SUPPORT}}<p><input type="checkbox" id="o-support-{{K}}" name="support_{{K}}" value="yes"{{#CHECKED}} checked{{/CHECKED}}> <label for="o-support-{{K}}" class="inline">{{L}}</label></p>
{{/SUPPORT}}</fieldset>
<fieldset><legend>{{t_officers_terms}}</legend>
<p id="o-terms-help" class="help">{{t_officers_terms_help}}</p>
{{#LANGS}}<label for="o-terms-{{CODE}}" lang="{{CODE}}">{{NAME}}</label><textarea id="o-terms-{{CODE}}" name="terms_{{CODE}}" rows="4" lang="{{CODE}}" dir="auto" maxlength="20000" aria-describedby="o-terms-help">{{TERMS:pre_escape}}</textarea>
{{/LANGS}}</fieldset>
<label for="o-refs">{{t_officers_references}}</label>{{#E_o_refs}}<p class="field-error" id="o-refs-error">{{E_MSG}}</p>{{/E_o_refs}}<textarea id="o-refs" name="references" rows="4" dir="ltr" aria-describedby="o-refs-help{{#E_o_refs}} o-refs-error{{/E_o_refs}}"{{#E_o_refs}} aria-invalid="true"{{/E_o_refs}}>{{REFERENCES:pre_escape}}</textarea>
<p id="o-refs-help" class="help">{{t_officers_references_help}}</p>
<button type="submit">{{t_proc_save}}</button>
</form>
{{#MEETINGS}}<form method="post" action="{{P}}/admin/meetings/{{MID}}/report" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset><legend>{{t_meeting_report_title}}{{t_punct_colon}}{{MLABEL_HTML:none}}</legend>
{{#E_approved}}<p class="field-error" id="r-{{MID}}-approved-error">{{E_MSG}}</p>{{/E_approved}}<p><input type="checkbox" id="r-{{MID}}-approved" name="approved" value="yes"{{#APPROVED}} checked{{/APPROVED}}{{#E_approved}} aria-invalid="true" aria-describedby="r-{{MID}}-approved-error"{{/E_approved}}> <label for="r-{{MID}}-approved" class="inline">{{t_meeting_report_approved}}</label></p>
<label for="r-{{MID}}-dist">{{t_meeting_report_distribution}}</label>{{#E_dist}}<p class="field-error" id="r-{{MID}}-dist-error">{{E_MSG}}</p>{{/E_dist}}<select id="r-{{MID}}-dist" name="distribution"{{#E_dist}} aria-invalid="true" aria-describedby="r-{{MID}}-dist-error"{{/E_dist}}>{{#DIST}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/DIST}}</select>
</fieldset>
<button type="submit">{{t_proc_save}}</button>
</form>{{/MEETINGS}}
