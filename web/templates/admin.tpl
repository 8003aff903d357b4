{{%AUTOESCAPE context="HTML"}}
<h1>{{t_admin_title}}</h1>
{{#HAS_MESSAGE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/HAS_MESSAGE}}
{{>FORM_ERRORS}}
<p class="meta">{{SEARCH_LAG}} · <a href="{{P}}/admin/documents">{{t_doc_register}}</a> · <a href="{{P}}/admin/imports">{{t_import_title}}</a> · <a href="{{P}}/admin/citations">{{t_citations_unresolved}}</a>{{#ADMIN}} · <a href="{{P}}/admin/users">{{t_users_title}}</a>{{/ADMIN}}</p>
{{#SEARCH_FAILED}}<p class="error" role="alert">{{SEARCH_FAILED_TEXT}}</p>
<ul>{{#FAILURES}}<li>{{KIND}} {{REF_ID}} ({{AT}}){{t_punct_colon}}{{ERROR}}</li>{{/FAILURES}}</ul>{{/SEARCH_FAILED}}
<h2>{{t_nav_consultations}}</h2>
<div class="table-scroll"><table>
<thead><tr><th scope="col">{{t_col_consultation}}</th><th scope="col">{{t_col_status}}</th><th scope="col" class="num">{{t_col_to_moderate}}</th><th scope="col" class="num">{{t_col_responses}}</th></tr></thead>
<tbody>{{#ITEMS}}<tr><td><a href="{{P}}/admin/consultations/{{ID}}"{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="{{TITLE_DIR}}">{{TITLE_HTML:none}}</a></td><td>{{STATUS_LABEL}}</td><td class="num">{{RECEIVED}}</td><td class="num">{{TOTAL}}</td></tr>{{/ITEMS}}</tbody>
</table></div>
<details{{#OPEN_c}} open{{/OPEN_c}}><summary>{{t_new_consultation}}</summary>
<form method="post" action="{{P}}/admin/consultations" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="c-key">{{t_field_key}}</label>{{#E_c_key}}<p class="field-error" id="c-key-error">{{E_MSG}}</p>{{/E_c_key}}<input type="text" id="c-key" value="{{KEPT_c_key}}" name="key" required pattern="[a-z0-9][a-z0-9-]{1,62}"{{#E_c_key}} aria-invalid="true" aria-describedby="c-key-error"{{/E_c_key}}>
<label for="c-body">{{t_col_body}}</label>{{#E_c_body}}<p class="field-error" id="c-body-error">{{E_MSG}}</p>{{/E_c_body}}<select id="c-body" name="body"{{#E_c_body}} aria-invalid="true" aria-describedby="c-body-error"{{/E_c_body}}>{{#BODIES}}<option value="{{KEY}}"{{#C_BODY_SEL}} selected{{/C_BODY_SEL}}>{{ACRONYM}}</option>{{/BODIES}}</select>
<label for="c-launched">{{t_launched_at}}</label>{{#E_c_launched}}<p class="field-error" id="c-launched-error">{{E_MSG}}</p>{{/E_c_launched}}<select id="c-launched" name="launched_at_meeting"{{#E_c_launched}} aria-invalid="true" aria-describedby="c-launched-error"{{/E_c_launched}}><option value="">—</option>{{#MEETINGS}}<option value="{{MID}}"{{#SEL_A}} selected{{/SEL_A}}>{{MLABEL}}</option>{{/MEETINGS}}</select>
<label for="c-title-en">{{t_field_title}} (English)</label>{{#E_c_title_en}}<p class="field-error" id="c-title-en-error">{{E_MSG}}</p>{{/E_c_title_en}}<input type="text" id="c-title-en" value="{{KEPT_c_title_en}}" name="title_en"{{#E_c_title_en}} aria-invalid="true" aria-describedby="c-title-en-error"{{/E_c_title_en}}>
<label for="c-title-zh">{{t_field_title}} (中文)</label><input type="text" id="c-title-zh" value="{{KEPT_c_title_zh}}" name="title_zh" lang="zh">
<label for="c-desc">{{t_field_description}} (English)</label>{{#E_c_desc}}<p class="field-error" id="c-desc-error">{{E_MSG}}</p>{{/E_c_desc}}<textarea id="c-desc" name="description_en" rows="4"{{#E_c_desc}} aria-invalid="true" aria-describedby="c-desc-error"{{/E_c_desc}}>{{KEPT_c_desc:pre_escape}}</textarea>
<label for="c-q">{{t_field_questions}}</label>{{#E_c_q}}<p class="field-error" id="c-q-error">{{E_MSG}}</p>{{/E_c_q}}<textarea id="c-q" name="questions_en" rows="5" aria-describedby="c-q-help{{#E_c_q}} c-q-error{{/E_c_q}}"{{#E_c_q}} aria-invalid="true"{{/E_c_q}}>{{KEPT_c_q:pre_escape}}</textarea>
<p id="c-q-help" class="help">{{t_questions_help}}</p>
<label for="c-opens">{{t_opens_at}}</label>{{#E_c_opens}}<p class="field-error" id="c-opens-error">{{E_MSG}}</p>{{/E_c_opens}}<input id="c-opens" value="{{KEPT_c_opens}}" name="opens_at" type="datetime-local" required{{#E_c_opens}} aria-invalid="true" aria-describedby="c-opens-error"{{/E_c_opens}}>
<label for="c-deadline">{{t_deadline}}</label>{{#E_c_deadline}}<p class="field-error" id="c-deadline-error">{{E_MSG}}</p>{{/E_c_deadline}}<input id="c-deadline" value="{{KEPT_c_deadline}}" name="deadline" type="datetime-local" required{{#E_c_deadline}} aria-invalid="true" aria-describedby="c-deadline-error"{{/E_c_deadline}}>
<label for="c-tz">{{t_field_timezone}}</label>{{#E_c_tz}}<p class="field-error" id="c-tz-error">{{E_MSG}}</p>{{/E_c_tz}}<input type="text" id="c-tz" name="timezone" value="{{KEPT_c_tz}}" required{{#E_c_tz}} aria-invalid="true" aria-describedby="c-tz-error"{{/E_c_tz}}>
<label for="c-meeting">{{t_consultation_meeting}}</label>{{#E_c_meeting}}<p class="field-error" id="c-meeting-error">{{E_MSG}}</p>{{/E_c_meeting}}<select id="c-meeting" name="meeting"{{#E_c_meeting}} aria-invalid="true" aria-describedby="c-meeting-error"{{/E_c_meeting}}><option value="">—</option>{{#MEETINGS}}<option value="{{MID}}"{{#SEL_B}} selected{{/SEL_B}}>{{MLABEL}}</option>{{/MEETINGS}}</select>
<button type="submit">{{t_create}}</button>
</form></details>
<details{{#OPEN_m}} open{{/OPEN_m}}><summary>{{t_new_meeting}}</summary>
<form method="post" action="{{P}}/admin/meetings" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="m-body">{{t_col_body}}</label>{{#E_m_body}}<p class="field-error" id="m-body-error">{{E_MSG}}</p>{{/E_m_body}}<select id="m-body" name="body"{{#E_m_body}} aria-invalid="true" aria-describedby="m-body-error"{{/E_m_body}}>{{#BODIES}}<option value="{{KEY}}"{{#M_BODY_SEL}} selected{{/M_BODY_SEL}}>{{ACRONYM}}</option>{{/BODIES}}</select>
<label for="m-kind">{{t_field_kind}}</label>{{#E_m_kind}}<p class="field-error" id="m-kind-error">{{E_MSG}}</p>{{/E_m_kind}}<select id="m-kind" name="kind"{{#E_m_kind}} aria-invalid="true" aria-describedby="m-kind-error"{{/E_m_kind}}><option value="working_group"{{#SEL_m_kind_working_group}} selected{{/SEL_m_kind_working_group}}>{{t_kind_working_group}}</option><option value="open_consultation"{{#SEL_m_kind_open_consultation}} selected{{/SEL_m_kind_open_consultation}}>{{t_kind_open_consultation}}</option><option value="plenary"{{#SEL_m_kind_plenary}} selected{{/SEL_m_kind_plenary}}>{{t_kind_plenary}}</option></select>
<label for="m-session">{{t_field_session}}</label>{{#E_m_session}}<p class="field-error" id="m-session-error">{{E_MSG}}</p>{{/E_m_session}}<input type="text" id="m-session" value="{{KEPT_m_session}}" name="session" maxlength="20" pattern="[A-Za-z0-9-]{1,20}" dir="ltr" aria-describedby="m-session-help{{#E_m_session}} m-session-error{{/E_m_session}}"{{#E_m_session}} aria-invalid="true"{{/E_m_session}}>
<p id="m-session-help" class="help">{{t_field_session_help}}</p>
<label for="m-number">{{t_field_number}}</label>{{#E_m_number}}<p class="field-error" id="m-number-error">{{E_MSG}}</p>{{/E_m_number}}<input id="m-number" value="{{KEPT_m_number}}" name="number" type="number" min="1" required{{#E_m_number}} aria-invalid="true" aria-describedby="m-number-error"{{/E_m_number}}>
<label for="m-title">{{t_field_title}} (English)</label>{{#E_m_title}}<p class="field-error" id="m-title-error">{{E_MSG}}</p>{{/E_m_title}}<input type="text" id="m-title" value="{{KEPT_m_title}}" name="title_en"{{#E_m_title}} aria-invalid="true" aria-describedby="m-title-error"{{/E_m_title}}>
<label for="m-starts">{{t_field_starts_on}}</label>{{#E_m_starts}}<p class="field-error" id="m-starts-error">{{E_MSG}}</p>{{/E_m_starts}}<input id="m-starts" value="{{KEPT_m_starts}}" name="starts_on" type="date" required{{#E_m_starts}} aria-invalid="true" aria-describedby="m-starts-error"{{/E_m_starts}}>
<label for="m-starts-at">{{t_field_starts_at}}</label>{{#E_m_starts_at}}<p class="field-error" id="m-starts-at-error">{{E_MSG}}</p>{{/E_m_starts_at}}<input id="m-starts-at" value="{{KEPT_m_starts_at}}" name="starts_at" type="time" dir="ltr" aria-describedby="m-starts-at-help{{#E_m_starts_at}} m-starts-at-error{{/E_m_starts_at}}"{{#E_m_starts_at}} aria-invalid="true"{{/E_m_starts_at}}>
<p id="m-starts-at-help" class="help">{{t_field_starts_at_help}}</p>
<label for="m-ends">{{t_field_ends_on}}</label>{{#E_m_ends}}<p class="field-error" id="m-ends-error">{{E_MSG}}</p>{{/E_m_ends}}<input id="m-ends" value="{{KEPT_m_ends}}" name="ends_on" type="date"{{#E_m_ends}} aria-invalid="true" aria-describedby="m-ends-error"{{/E_m_ends}}>
<label for="m-tz">{{t_field_timezone}}</label>{{#E_m_tz}}<p class="field-error" id="m-tz-error">{{E_MSG}}</p>{{/E_m_tz}}<input type="text" id="m-tz" name="timezone" value="{{KEPT_m_tz}}" required{{#E_m_tz}} aria-invalid="true" aria-describedby="m-tz-error"{{/E_m_tz}}>
<label for="m-mode">{{t_field_mode}}</label>{{#E_m_mode}}<p class="field-error" id="m-mode-error">{{E_MSG}}</p>{{/E_m_mode}}<select id="m-mode" name="mode"{{#E_m_mode}} aria-invalid="true" aria-describedby="m-mode-error"{{/E_m_mode}}><option value="physical"{{#SEL_m_mode_physical}} selected{{/SEL_m_mode_physical}}>{{t_mode_physical}}</option><option value="virtual"{{#SEL_m_mode_virtual}} selected{{/SEL_m_mode_virtual}}>{{t_mode_virtual}}</option><option value="hybrid"{{#SEL_m_mode_hybrid}} selected{{/SEL_m_mode_hybrid}}>{{t_mode_hybrid}}</option></select>
<label for="m-place">{{t_field_place}}</label>{{#E_m_place}}<p class="field-error" id="m-place-error">{{E_MSG}}</p>{{/E_m_place}}<input type="text" id="m-place" value="{{KEPT_m_place}}" name="place_en"{{#E_m_place}} aria-invalid="true" aria-describedby="m-place-error"{{/E_m_place}}>
<p><input id="m-reg" name="registered_more_than" type="checkbox" value="yes"{{#SEL_m_reg_yes}} checked{{/SEL_m_reg_yes}}> <label for="m-reg" class="inline">{{t_field_registered_more_than}}</label></p>
<p><input id="m-att" name="attended_more_than" type="checkbox" value="yes"{{#SEL_m_att_yes}} checked{{/SEL_m_att_yes}}> <label for="m-att" class="inline">{{t_field_attended_more_than}}</label></p>
<button type="submit">{{t_create}}</button>
</form></details>
<p><a href="{{P}}/admin/translations">{{t_translations_link}}</a></p>
<p>{{t_officers_link}}{{t_punct_colon}}{{#BODIES}}<a href="{{P}}/admin/bodies/{{KEY}}/officers"><bdi class="sym">{{ACRONYM}}</bdi></a>{{#BODIES_separator}} · {{/BODIES_separator}}{{/BODIES}}</p>
<details{{#OPEN_b}} open{{/OPEN_b}}><summary>{{t_new_body}}</summary>
<form method="post" action="{{P}}/admin/bodies" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="b-key">{{t_field_key}}</label>{{#E_b_key}}<p class="field-error" id="b-key-error">{{E_MSG}}</p>{{/E_b_key}}<input type="text" id="b-key" value="{{KEPT_b_key}}" name="key" required pattern="[a-z0-9][a-z0-9-]{1,62}"{{#E_b_key}} aria-invalid="true" aria-describedby="b-key-error"{{/E_b_key}}>
<label for="b-acronym">{{t_field_acronym}}</label>{{#E_b_acronym}}<p class="field-error" id="b-acronym-error">{{E_MSG}}</p>{{/E_b_acronym}}<input type="text" id="b-acronym" value="{{KEPT_b_acronym}}" name="acronym" required{{#E_b_acronym}} aria-invalid="true" aria-describedby="b-acronym-error"{{/E_b_acronym}}>
<label for="b-name">{{t_field_body_name}} (English)</label>{{#E_b_name}}<p class="field-error" id="b-name-error">{{E_MSG}}</p>{{/E_b_name}}<input type="text" id="b-name" value="{{KEPT_b_name}}" name="name_en" required{{#E_b_name}} aria-invalid="true" aria-describedby="b-name-error"{{/E_b_name}}>
<label for="b-membership">{{t_field_membership}}</label>{{#E_b_membership}}<p class="field-error" id="b-membership-error">{{E_MSG}}</p>{{/E_b_membership}}<select id="b-membership" name="membership"{{#E_b_membership}} aria-invalid="true" aria-describedby="b-membership-error"{{/E_b_membership}}><option value="member_states"{{#SEL_b_membership_member_states}} selected{{/SEL_b_membership_member_states}}>{{t_membership_member_states}}</option><option value="open"{{#SEL_b_membership_open}} selected{{/SEL_b_membership_open}}>{{t_membership_open}}</option></select>
<p><input id="b-oc" name="open_consultations" type="checkbox" value="yes"{{#SEL_b_oc_yes}} checked{{/SEL_b_oc_yes}}> <label for="b-oc" class="inline">{{t_field_open_consultations}}</label></p>
<button type="submit">{{t_create}}</button>
</form></details>
{{#ADMIN}}<details{{#OPEN_st}} open{{/OPEN_st}}><summary>{{t_stakeholder_type_add}}</summary>
<form method="post" action="{{P}}/admin/stakeholder-types" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p id="st-help" class="help">{{t_stakeholder_type_help}}</p>
<label for="st-key">{{t_field_key}}</label>{{#E_st_key}}<p class="field-error" id="st-key-error">{{E_MSG}}</p>{{/E_st_key}}<input type="text" id="st-key" value="{{KEPT_st_key}}" name="key" required pattern="[a-z][a-z0-9_]{1,39}" dir="ltr" aria-describedby="st-help{{#E_st_key}} st-key-error{{/E_st_key}}"{{#E_st_key}} aria-invalid="true"{{/E_st_key}}>
<fieldset><legend>{{t_field_stakeholder_type}}</legend>
{{#ST_LANGS}}<label for="st-label-{{CODE}}" lang="{{CODE}}">{{NAME}}</label><input type="text" id="st-label-{{CODE}}" name="label_{{CODE}}" value="{{VALUE}}" lang="{{CODE}}" dir="auto" maxlength="200">
{{/ST_LANGS}}</fieldset>
<button type="submit">{{t_create}}</button>
</form></details>{{/ADMIN}}
<h2 id="digest">{{t_admin_digest_title}}</h2>
<p>{{t_admin_digest_help}}</p>
<form method="post" action="{{P}}/admin/digest"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">{{t_admin_digest_run}}</button></form>
