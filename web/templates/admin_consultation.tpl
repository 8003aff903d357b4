{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/admin">{{t_admin_title}}</a> › <a href="{{P}}/consultations/{{ID}}"{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="{{TITLE_DIR}}">{{TITLE_HTML:none}}</a></p>
<h1>{{t_moderate}}{{t_punct_colon}}<span{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="{{TITLE_DIR}}">{{TITLE_HTML:none}}</span></h1>
{{#HAS_MESSAGE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/HAS_MESSAGE}}
{{>FORM_ERRORS}}
<p>{{COUNTS}} · <a href="{{P}}/admin/consultations/{{ID}}/campaigns">{{t_campaigns}}</a> · <a href="{{P}}/admin/consultations/{{ID}}/edit">{{t_consultation_edit}}</a></p>
<form method="post" action="{{P}}/admin/consultations/{{ID}}/publish"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="page" value="{{PAGE_NO}}">{{#PER_PAGE}}<input type="hidden" name="per_page" value="{{N}}">{{/PER_PAGE}}{{#KEEP_FILTER}}<input type="hidden" name="f_{{K}}" value="{{V}}">{{/KEEP_FILTER}}<button type="submit">{{t_publish_accepted}}</button></form>
{{#HAS_LIST_MESSAGE}}<p class="notice" role="status" id="list-notice" tabindex="-1">{{MESSAGE}}</p>{{/HAS_LIST_MESSAGE}}{{#HAS_ROW_ELSEWHERE}}<p class="notice" role="status" id="row-notice" tabindex="-1">{{ROW_MESSAGE}}</p>{{/HAS_ROW_ELSEWHERE}}
<h2 id="responses">{{t_responses}}</h2>
<form method="get" action="{{P}}/admin/consultations/{{ID}}" class="filters"><fieldset><legend>{{t_moderation_filter}}</legend>
<label for="f-status">{{t_field_status}}</label> <select id="f-status" name="status"><option value="">{{t_moderation_filter_any}}</option>{{#F_STATUS}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/F_STATUS}}</select>
<label for="f-type">{{t_field_stakeholder_type}}</label> <select id="f-type" name="stakeholder_type"><option value="">{{t_moderation_filter_any}}</option>{{#F_TYPE}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}{{#L_FALLBACK}} lang="{{L_LANG}}"{{/L_FALLBACK}} dir="{{L_DIR}}">{{L}}</option>{{/F_TYPE}}</select>
<label for="f-country">{{t_field_country}}</label> <select id="f-country" name="country"><option value="">{{t_moderation_filter_any}}</option>{{#F_COUNTRY}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/F_COUNTRY}}</select>
<label for="f-lang">{{t_moderation_language}}</label> <select id="f-lang" name="language"><option value="">{{t_moderation_filter_any}}</option>{{#F_LANG}}<option value="{{K}}" lang="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/F_LANG}}</select>
<label for="f-confirmed">{{t_moderation_confirmed}}</label> <select id="f-confirmed" name="confirmed"><option value="">{{t_moderation_filter_any}}</option>{{#F_CONFIRMED}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/F_CONFIRMED}}</select>
<label for="f-campaign">{{t_moderation_campaign}}</label> <select id="f-campaign" name="campaign"><option value="">{{t_moderation_filter_any}}</option>{{#F_CAMPAIGN}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/F_CAMPAIGN}}</select>
{{#PER_PAGE}}<input type="hidden" name="per_page" value="{{N}}">{{/PER_PAGE}}<button type="submit">{{t_moderation_filter}}</button></fieldset></form>
<p role="status">{{MATCHES}}</p>
<form method="post" action="{{P}}/admin/consultations/{{ID}}/bulk" id="bulk" class="speaker-add"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="page" value="{{PAGE_NO}}">{{#PER_PAGE}}<input type="hidden" name="per_page" value="{{N}}">{{/PER_PAGE}}{{#KEEP_FILTER}}<input type="hidden" name="f_{{K}}" value="{{V}}">{{/KEEP_FILTER}}
<span><label for="bulk-action">{{t_bulk_action}}</label>{{#E_bulk_action}}<p class="field-error" id="bulk-action-error">{{E_MSG}}</p>{{/E_bulk_action}} <select id="bulk-action" name="action"{{#E_bulk_action}} aria-invalid="true" aria-describedby="bulk-action-error"{{/E_bulk_action}}><option value="accept">{{t_accept}}</option><option value="reject"{{#BULK_REJECT}} selected{{/BULK_REJECT}}>{{t_reject}}</option></select></span>
<span><label for="bulk-reason">{{t_reject_reason}}</label>{{#E_bulk_reason}}<p class="field-error" id="bulk-reason-error">{{E_MSG}}</p>{{/E_bulk_reason}} <input type="text" id="bulk-reason" name="reason" maxlength="1000" value="{{KEPT_bulk_reason}}"{{#E_bulk_reason}} aria-invalid="true" aria-describedby="bulk-reason-error"{{/E_bulk_reason}}></span>
<button type="submit">{{t_bulk_apply}}</button></form>
{{#RESPONSES}}<article class="response moderation" id="m-{{REFERENCE}}">
{{#ROW_NOTICE}}<p class="notice" role="status" id="row-notice" tabindex="-1">{{ROW_MESSAGE}}</p>{{/ROW_NOTICE}}
<p class="select"><input type="checkbox" id="sel-{{RID}}" name="ids[]" value="{{RID}}" form="bulk"{{#SELECTED}} checked{{/SELECTED}}> <label for="sel-{{RID}}">{{t_bulk_select}} {{REFERENCE_HTML:none}}</label></p>
<h3>{{REFERENCE_HTML:none}} — {{NAME}}{{#HAS_ORG}}{{t_punct_comma}}{{ORGANIZATION}}{{/HAS_ORG}} <span class="status status-{{STATUS}}">{{STATUS_LABEL}}</span></h3>
<p class="meta"><span{{#TYPE_LABEL_FALLBACK}} lang="{{TYPE_LABEL_LANG}}"{{/TYPE_LABEL_FALLBACK}} dir="{{TYPE_LABEL_DIR}}">{{TYPE_LABEL_HTML:none}}</span> · {{COUNTRY}} · {{EMAIL}} · {{CONSENT_LABEL}}{{#REASON}} · {{t_reject_reason}}{{t_punct_colon}}{{REASON_TEXT}}{{/REASON}}{{#IP}} · {{t_field_ip_address}}{{t_punct_colon}}{{IP_ADDRESS}}{{/IP}}{{#ERASED}} · {{ERASED_TEXT}}{{/ERASED}}</p>
{{#ANSWER}}<p><strong>{{NUMBER}}.</strong> <span lang="{{LANGUAGE}}" dir="auto">{{TEXT}}</span></p>{{/ANSWER}}
{{#GENERAL}}<p><strong>{{t_field_general}}{{t_punct_colon}}</strong><span lang="{{LANGUAGE}}" dir="auto">{{TEXT}}</span></p>{{/GENERAL}}
{{#FILES}}<p><a href="{{P}}/admin/attachments/{{FILE_ID}}" download dir="auto">{{FILENAME}}</a> <span dir="ltr">({{MEDIA_TYPE}}{{t_punct_comma}}{{FILE_SIZE}})</span></p>{{/FILES}}
<div class="actions">
{{#CAN_ACCEPT}}<form method="post" action="{{P}}/admin/responses/{{RID}}/moderate"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="page" value="{{PAGE_NO}}">{{#PER_PAGE}}<input type="hidden" name="per_page" value="{{N}}">{{/PER_PAGE}}{{#KEEP_FILTER}}<input type="hidden" name="f_{{K}}" value="{{V}}">{{/KEEP_FILTER}}<input type="hidden" name="action" value="accept"><button type="submit">{{t_accept}}</button></form>{{/CAN_ACCEPT}}
<form method="post" action="{{P}}/admin/responses/{{RID}}/moderate"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="page" value="{{PAGE_NO}}">{{#PER_PAGE}}<input type="hidden" name="per_page" value="{{N}}">{{/PER_PAGE}}{{#KEEP_FILTER}}<input type="hidden" name="f_{{K}}" value="{{V}}">{{/KEEP_FILTER}}<input type="hidden" name="action" value="reject"><label for="reason-{{RID}}">{{t_reject_reason}}</label>{{#E_ROW_REASON}}<p class="field-error" id="reason-{{RID}}-error">{{E_MSG}}</p>{{/E_ROW_REASON}} <input type="text" id="reason-{{RID}}" name="reason" required value="{{ROW_REASON}}"{{#E_ROW_REASON}} aria-invalid="true" aria-describedby="reason-{{RID}}-error"{{/E_ROW_REASON}}> <button type="submit">{{t_reject}}</button></form>
<details><summary>{{t_redact}}</summary><form method="post" action="{{P}}/admin/responses/{{RID}}/moderate" class="stack"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="page" value="{{PAGE_NO}}">{{#PER_PAGE}}<input type="hidden" name="per_page" value="{{N}}">{{/PER_PAGE}}{{#KEEP_FILTER}}<input type="hidden" name="f_{{K}}" value="{{V}}">{{/KEEP_FILTER}}<input type="hidden" name="action" value="redact">
{{#REDACT_ANSWER}}<label for="red-{{RID}}-{{NUMBER}}">{{t_question}} {{NUMBER}}</label><textarea id="red-{{RID}}-{{NUMBER}}" name="replace_{{NUMBER}}" rows="3">{{TEXT:pre_escape}}</textarea>{{/REDACT_ANSWER}}
{{#REDACT_GENERAL}}<label for="red-{{RID}}-g">{{t_field_general}}</label><textarea id="red-{{RID}}-g" name="replace_general" rows="3">{{TEXT:pre_escape}}</textarea>{{/REDACT_GENERAL}}
<button type="submit">{{t_save_redaction}}</button></form></details>
{{#CAN_ERASE}}<form method="post" action="{{P}}/admin/responses/{{RID}}/erase"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="page" value="{{PAGE_NO}}">{{#PER_PAGE}}<input type="hidden" name="per_page" value="{{N}}">{{/PER_PAGE}}{{#KEEP_FILTER}}<input type="hidden" name="f_{{K}}" value="{{V}}">{{/KEEP_FILTER}}<button type="submit" aria-describedby="erase-help-{{RID}}">{{t_erase_personal_data}}</button> <span id="erase-help-{{RID}}" class="help">{{t_erase_help}}</span></form>{{/CAN_ERASE}}
</div>
</article>{{/RESPONSES}}
<nav class="pager" aria-label="{{t_pagination}}">{{#PREV}}<a href="?page={{PAGE}}{{FILTER_QS}}" rel="prev">{{t_previous}}</a>{{/PREV}} {{#NEXT}}<a href="?page={{PAGE}}{{FILTER_QS}}" rel="next">{{t_next}}</a>{{/NEXT}}</nav>
<h2 id="status">{{t_lifecycle_title}}</h2>
<p>{{t_lifecycle_current}} <strong class="status">{{STATUS_NOW}}</strong></p>
{{#CAN_OPEN}}<form method="post" action="{{P}}/admin/consultations/{{ID}}/open"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">{{t_lifecycle_open}}</button></form>{{/CAN_OPEN}}
{{#CAN_CLOSE}}<form method="post" action="{{P}}/admin/consultations/{{ID}}/close"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">{{t_lifecycle_close}}</button></form>{{/CAN_CLOSE}}
{{#CAN_REOPEN}}<form method="post" action="{{P}}/admin/consultations/{{ID}}/reopen" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="ro-deadline">{{t_new_deadline}} ({{TIMEZONE}})</label>{{#E_ro_deadline}}<p class="field-error" id="ro-deadline-error">{{E_MSG}}</p>{{/E_ro_deadline}}<input id="ro-deadline" name="deadline" type="datetime-local" required value="{{KEPT_ro_deadline}}"{{#E_ro_deadline}} aria-invalid="true" aria-describedby="ro-deadline-error"{{/E_ro_deadline}}>
<label for="ro-reason">{{t_lifecycle_reopen_reason}}</label>{{#E_ro_reason}}<p class="field-error" id="ro-reason-error">{{E_MSG}}</p>{{/E_ro_reason}}<input type="text" id="ro-reason" name="reason" required value="{{KEPT_ro_reason}}" aria-describedby="ro-reason-help{{#E_ro_reason}} ro-reason-error{{/E_ro_reason}}"{{#E_ro_reason}} aria-invalid="true"{{/E_ro_reason}}><p class="help" id="ro-reason-help">{{t_lifecycle_reopen_reason_help}}</p>
<button type="submit">{{t_lifecycle_reopen}}</button>
</form>{{/CAN_REOPEN}}
{{#CAN_PUBLISH_RESULTS}}<form method="post" action="{{P}}/admin/consultations/{{ID}}/publish-results"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" aria-describedby="pr-help">{{t_lifecycle_publish}}</button> <span id="pr-help" class="help">{{t_lifecycle_publish_help}}</span></form>{{/CAN_PUBLISH_RESULTS}}
{{#RESULTS_FINAL}}<p class="help">{{t_lifecycle_final}}</p>{{/RESULTS_FINAL}}
<h2>{{t_extend_deadline}}</h2>
<form method="post" action="{{P}}/admin/consultations/{{ID}}/extend" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="x-deadline">{{t_new_deadline}} ({{TIMEZONE}})</label>{{#E_x_deadline}}<p class="field-error" id="x-deadline-error">{{E_MSG}}</p>{{/E_x_deadline}}<input id="x-deadline" name="deadline" type="datetime-local" required value="{{KEPT_x_deadline}}"{{#E_x_deadline}} aria-invalid="true" aria-describedby="x-deadline-error"{{/E_x_deadline}}>
<label for="x-reason">{{t_extension_reason}}</label>{{#E_x_reason}}<p class="field-error" id="x-reason-error">{{E_MSG}}</p>{{/E_x_reason}}<input type="text" id="x-reason" name="reason" required value="{{KEPT_x_reason}}"{{#E_x_reason}} aria-invalid="true" aria-describedby="x-reason-error"{{/E_x_reason}}>
<button type="submit">{{t_extend_deadline}}</button>
</form>
<h2>{{t_summary}}</h2>
<form method="post" action="{{P}}/admin/consultations/{{ID}}/summary" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset><legend>{{t_field_summary}}</legend>
{{>LANGUAGES}}</fieldset>
<p class="help">{{t_lifecycle_summary_help}}</p>
<button type="submit">{{t_save}}</button>
</form>
<h2>{{t_follow_up}}</h2>
<form method="post" action="{{P}}/admin/consultations/{{ID}}/follow-up" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="f-meeting">{{t_field_meeting}}</label>{{#E_f_meeting}}<p class="field-error" id="f-meeting-error">{{E_MSG}}</p>{{/E_f_meeting}}<select id="f-meeting" name="meeting"{{#E_f_meeting}} aria-invalid="true" aria-describedby="f-meeting-error"{{/E_f_meeting}}>{{#MEETINGS}}<option value="{{MID}}"{{#SEL_A}} selected{{/SEL_A}}>{{MLABEL}}</option>{{/MEETINGS}}</select>
<label for="f-number">{{t_field_number}}</label>{{#E_f_number}}<p class="field-error" id="f-number-error">{{E_MSG}}</p>{{/E_f_number}}<input type="text" id="f-number" value="{{KEPT_f_number}}" name="number" required placeholder="2.7.1"{{#E_f_number}} aria-invalid="true" aria-describedby="f-number-error"{{/E_f_number}}>
<label for="f-kind">{{t_field_kind}}</label>{{#E_f_kind}}<p class="field-error" id="f-kind-error">{{E_MSG}}</p>{{/E_f_kind}}<select id="f-kind" name="kind"{{#E_f_kind}} aria-invalid="true" aria-describedby="f-kind-error"{{/E_f_kind}}>{{#KINDS}}<option value="{{KEY}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/KINDS}}</select>
<label for="f-owner">{{t_field_owner}}</label>{{#E_f_owner}}<p class="field-error" id="f-owner-error">{{E_MSG}}</p>{{/E_f_owner}}<input type="text" id="f-owner" value="{{KEPT_f_owner}}" name="owner" required{{#E_f_owner}} aria-invalid="true" aria-describedby="f-owner-error"{{/E_f_owner}}>
<label for="f-text">{{t_field_text}}</label>{{#E_f_text}}<p class="field-error" id="f-text-error">{{E_MSG}}</p>{{/E_f_text}}<textarea id="f-text" name="text" rows="3" required{{#E_f_text}} aria-invalid="true" aria-describedby="f-text-error"{{/E_f_text}}>{{KEPT_f_text:pre_escape}}</textarea>
<button type="submit">{{t_add}}</button>
</form>
{{#HAS_MEETING}}<h2>{{t_consultation_meeting}}{{t_punct_colon}}{{MEETING_LABEL_HTML:none}}</h2>
<p>{{MEETING_COUNTS}}</p>
<form method="post" action="{{P}}/admin/meetings/{{MEETING_ID}}/attendance" enctype="multipart/form-data" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="back" value="{{ID}}">
<label for="att-file">{{t_attendance_import}}</label>{{#E_att_file}}<p class="field-error" id="att-file-error">{{E_MSG}}</p>{{/E_att_file}}<input id="att-file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="att-file-help{{#E_att_file}} att-file-error{{/E_att_file}}"{{#E_att_file}} aria-invalid="true"{{/E_att_file}}>
<p id="att-file-help" class="help">{{t_attendance_import_help}}</p>
<button type="submit">{{t_import}}</button>
</form>
<form method="post" action="{{P}}/admin/meetings/{{MEETING_ID}}/registrations" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="back" value="{{ID}}">
<label for="r-name">{{t_field_name}}</label>{{#E_r_name}}<p class="field-error" id="r-name-error">{{E_MSG}}</p>{{/E_r_name}}<input type="text" id="r-name" name="name" required value="{{KEPT_r_name}}"{{#E_r_name}} aria-invalid="true" aria-describedby="r-name-error"{{/E_r_name}}>
<label for="r-org">{{t_field_organization}}</label>{{#E_r_org}}<p class="field-error" id="r-org-error">{{E_MSG}}</p>{{/E_r_org}}<input type="text" id="r-org" name="organization" value="{{KEPT_r_org}}"{{#E_r_org}} aria-invalid="true" aria-describedby="r-org-error"{{/E_r_org}}>
<label for="r-type">{{t_field_stakeholder_type}}</label>{{#E_r_type}}<p class="field-error" id="r-type-error">{{E_MSG}}</p>{{/E_r_type}}<select id="r-type" name="stakeholder_type"{{#E_r_type}} aria-invalid="true" aria-describedby="r-type-error"{{/E_r_type}}>{{#TYPES}}<option value="{{KEY}}"{{#SEL}} selected{{/SEL}}{{#LABEL_FALLBACK}} lang="{{LABEL_LANG}}"{{/LABEL_FALLBACK}} dir="{{LABEL_DIR}}">{{LABEL}}</option>{{/TYPES}}</select>
<label for="r-country">{{t_field_country}}</label>{{#E_r_country}}<p class="field-error" id="r-country-error">{{E_MSG}}</p>{{/E_r_country}}<select id="r-country" name="country"{{#E_r_country}} aria-invalid="true" aria-describedby="r-country-error"{{/E_r_country}}>{{COUNTRY_OPTIONS_HTML:none}}</select>
<label for="r-email">{{t_field_email}}</label>{{#E_r_email}}<p class="field-error" id="r-email-error">{{E_MSG}}</p>{{/E_r_email}}<input id="r-email" name="email" type="email" value="{{KEPT_r_email}}"{{#E_r_email}} aria-invalid="true" aria-describedby="r-email-error"{{/E_r_email}}>
<button type="submit">{{t_register}}</button>
</form>
<div class="table-scroll"><table><caption>{{t_registrations}}</caption><thead><tr><th scope="col">{{t_field_name}}</th><th scope="col">{{t_field_organization}}</th><th scope="col">{{t_attended}}</th></tr></thead><tbody>
{{#REGISTRATIONS}}<tr><td>{{NAME}}</td><td>{{ORGANIZATION}}</td><td>{{#ATTENDED}}✓{{/ATTENDED}}{{#NOT_ATTENDED}}<form method="post" action="{{P}}/admin/meetings/{{MEETING_ID}}/attended"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="back" value="{{ID}}"><input type="hidden" name="registration_id" value="{{REG_ID}}"><button type="submit">{{t_mark_attended}}</button></form>{{/NOT_ATTENDED}}</td></tr>{{/REGISTRATIONS}}
</tbody></table></div>{{/HAS_MEETING}}
