{{%AUTOESCAPE context="HTML"}}
<h1>{{t_admin_title}}</h1>
{{#HAS_MESSAGE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/HAS_MESSAGE}}
{{#HAS_ERROR}}<p class="error" role="alert">{{ERROR}}</p>{{/HAS_ERROR}}
<p class="meta">{{SEARCH_LAG}} · <a href="{{P}}/admin/documents">{{t_doc_register}}</a> · <a href="{{P}}/admin/citations">{{t_citations_unresolved}}</a>{{#ADMIN}} · <a href="{{P}}/admin/users">{{t_users_title}}</a>{{/ADMIN}}</p>
{{#SEARCH_FAILED}}<p class="error" role="alert">{{SEARCH_FAILED_TEXT}}</p>
<ul>{{#FAILURES}}<li>{{KIND}} {{REF_ID}} ({{AT}}){{t_punct_colon}}{{ERROR}}</li>{{/FAILURES}}</ul>{{/SEARCH_FAILED}}
<h2>{{t_nav_consultations}}</h2>
<table>
<thead><tr><th scope="col">{{t_col_consultation}}</th><th scope="col">{{t_col_status}}</th><th scope="col" class="num">{{t_col_to_moderate}}</th><th scope="col" class="num">{{t_col_responses}}</th></tr></thead>
<tbody>{{#ITEMS}}<tr><td><a href="{{P}}/admin/consultations/{{ID}}">{{TITLE}}</a></td><td>{{STATUS_LABEL}}</td><td class="num">{{RECEIVED}}</td><td class="num">{{TOTAL}}</td></tr>{{/ITEMS}}</tbody>
</table>
<details><summary>{{t_new_consultation}}</summary>
<form method="post" action="{{P}}/admin/consultations" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="c-key">{{t_field_key}}</label><input type="text" id="c-key" name="key" required pattern="[a-z0-9][a-z0-9-]{1,62}">
<label for="c-body">{{t_col_body}}</label><select id="c-body" name="body">{{#BODIES}}<option value="{{KEY}}">{{ACRONYM}}</option>{{/BODIES}}</select>
<label for="c-launched">{{t_launched_at}}</label><select id="c-launched" name="launched_at_meeting"><option value="">—</option>{{#MEETINGS}}<option value="{{MID}}">{{MLABEL}}</option>{{/MEETINGS}}</select>
<label for="c-title-en">{{t_field_title}} (English)</label><input type="text" id="c-title-en" name="title_en">
<label for="c-title-zh">{{t_field_title}} (中文)</label><input type="text" id="c-title-zh" name="title_zh" lang="zh">
<label for="c-desc">{{t_field_description}} (English)</label><textarea id="c-desc" name="description_en" rows="4"></textarea>
<label for="c-q">{{t_field_questions}}</label><textarea id="c-q" name="questions_en" rows="5" aria-describedby="c-q-help"></textarea>
<p id="c-q-help" class="help">{{t_questions_help}}</p>
<label for="c-opens">{{t_opens_at}}</label><input id="c-opens" name="opens_at" type="datetime-local" required>
<label for="c-deadline">{{t_deadline}}</label><input id="c-deadline" name="deadline" type="datetime-local" required>
<label for="c-tz">{{t_field_timezone}}</label><input type="text" id="c-tz" name="timezone" value="Europe/Zurich" required>
<label for="c-meeting">{{t_consultation_meeting}}</label><select id="c-meeting" name="meeting"><option value="">—</option>{{#MEETINGS}}<option value="{{MID}}">{{MLABEL}}</option>{{/MEETINGS}}</select>
<button type="submit">{{t_create}}</button>
</form></details>
<details><summary>{{t_new_meeting}}</summary>
<form method="post" action="{{P}}/admin/meetings" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="m-body">{{t_col_body}}</label><select id="m-body" name="body">{{#BODIES}}<option value="{{KEY}}">{{ACRONYM}}</option>{{/BODIES}}</select>
<label for="m-kind">{{t_field_kind}}</label><select id="m-kind" name="kind"><option value="working_group">{{t_kind_working_group}}</option><option value="open_consultation">{{t_kind_open_consultation}}</option><option value="plenary">{{t_kind_plenary}}</option></select>
<label for="m-session">{{t_field_session}}</label><input type="text" id="m-session" name="session" maxlength="20" pattern="[A-Za-z0-9-]{1,20}" dir="ltr" aria-describedby="m-session-help">
<p id="m-session-help" class="help">{{t_field_session_help}}</p>
<label for="m-number">{{t_field_number}}</label><input id="m-number" name="number" type="number" min="1" required>
<label for="m-title">{{t_field_title}} (English)</label><input type="text" id="m-title" name="title_en">
<label for="m-starts">{{t_field_starts_on}}</label><input id="m-starts" name="starts_on" type="date" required>
<label for="m-ends">{{t_field_ends_on}}</label><input id="m-ends" name="ends_on" type="date">
<label for="m-tz">{{t_field_timezone}}</label><input type="text" id="m-tz" name="timezone" value="Europe/Zurich" required>
<label for="m-mode">{{t_field_mode}}</label><select id="m-mode" name="mode"><option value="physical">{{t_mode_physical}}</option><option value="virtual">{{t_mode_virtual}}</option><option value="hybrid">{{t_mode_hybrid}}</option></select>
<label for="m-place">{{t_field_place}}</label><input type="text" id="m-place" name="place_en">
<button type="submit">{{t_create}}</button>
</form></details>
<p>{{t_officers_link}}{{t_punct_colon}}{{#BODIES}}<a href="{{P}}/admin/bodies/{{KEY}}/officers">{{ACRONYM}}</a>{{#BODIES_separator}} · {{/BODIES_separator}}{{/BODIES}}</p>
<details><summary>{{t_new_body}}</summary>
<form method="post" action="{{P}}/admin/bodies" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="b-key">{{t_field_key}}</label><input type="text" id="b-key" name="key" required pattern="[a-z0-9][a-z0-9-]{1,62}">
<label for="b-acronym">{{t_field_acronym}}</label><input type="text" id="b-acronym" name="acronym" required>
<label for="b-name">{{t_field_name}} (English)</label><input type="text" id="b-name" name="name_en" required>
<label for="b-membership">{{t_field_membership}}</label><select id="b-membership" name="membership"><option value="member_states">{{t_membership_member_states}}</option><option value="open">{{t_membership_open}}</option></select>
<p><input id="b-oc" name="open_consultations" type="checkbox" value="yes"> <label for="b-oc" class="inline">{{t_field_open_consultations}}</label></p>
<button type="submit">{{t_create}}</button>
</form></details>
{{#ADMIN}}<details><summary>{{t_stakeholder_type_add}}</summary>
<form method="post" action="{{P}}/admin/stakeholder-types" class="stack">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p id="st-help" class="help">{{t_stakeholder_type_help}}</p>
<label for="st-key">{{t_field_key}}</label><input type="text" id="st-key" name="key" required pattern="[a-z][a-z0-9_]{1,39}" dir="ltr" aria-describedby="st-help">
<fieldset><legend>{{t_field_stakeholder_type}}</legend>
{{#ST_LANGS}}<label for="st-label-{{CODE}}" lang="{{CODE}}">{{NAME}}</label><input type="text" id="st-label-{{CODE}}" name="label_{{CODE}}" lang="{{CODE}}" dir="auto" maxlength="200">
{{/ST_LANGS}}</fieldset>
<button type="submit">{{t_create}}</button>
</form></details>{{/ADMIN}}
