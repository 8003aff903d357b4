{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/admin">{{t_admin_title}}</a></p>
<h1>{{t_users_title}}</h1>
<p class="help">{{t_users_help}}</p>
{{#ERROR}}<p class="error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
{{#ROLE_REFUSED}}{{>FORM_ERRORS}}{{/ROLE_REFUSED}}
<div class="table-scroll"><table><thead><tr><th scope="col">{{t_users_name}}</th><th scope="col">{{t_users_email}}</th><th scope="col">{{t_users_verified}}</th><th scope="col">{{t_users_role}}</th></tr></thead><tbody>
{{#USERS}}<tr><td dir="auto">{{NAME}}</td><td><bdi>{{EMAIL}}</bdi></td><td>{{VERIFIED}}</td><td>
<form method="post" action="{{P}}/admin/users/{{UID}}/role" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}">
<label for="ur-{{UID}}-role">{{t_users_role}}</label> {{#E_ROLE}}<p class="field-error" id="ur-{{UID}}-role-error">{{E_MSG}}</p>{{/E_ROLE}}<select id="ur-{{UID}}-role" name="role"{{#E_ROLE}} aria-invalid="true" aria-describedby="ur-{{UID}}-role-error"{{/E_ROLE}}>{{#ROLES}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/ROLES}}</select>
<label for="ur-{{UID}}-ms">{{t_users_member_state}}</label> {{#E_MS}}<p class="field-error" id="ur-{{UID}}-ms-error">{{E_MSG}}</p>{{/E_MS}}<input type="text" id="ur-{{UID}}-ms" name="member_state" value="{{MS}}" maxlength="2" size="3" pattern="[A-Za-z]{2}"{{#E_MS}} aria-invalid="true" aria-describedby="ur-{{UID}}-ms-error"{{/E_MS}}>
<button type="submit">{{t_users_change}}</button></form></td></tr>{{/USERS}}
</tbody></table></div>
<h2>{{t_users_create}}</h2>
<form method="post" action="{{P}}/admin/users" class="stack">{{>FORM_ERRORS}}<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="nu-name">{{t_users_name}}</label>{{#E_nu_name}}<p class="field-error" id="nu-name-error">{{E_MSG}}</p>{{/E_nu_name}}<input id="nu-name" type="text" name="name" value="{{V_NAME}}" required maxlength="200"{{#E_nu_name}} aria-invalid="true" aria-describedby="nu-name-error"{{/E_nu_name}}>
<label for="nu-email">{{t_users_email}}</label>{{#E_nu_email}}<p class="field-error" id="nu-email-error">{{E_MSG}}</p>{{/E_nu_email}}<input id="nu-email" type="email" name="email" value="{{V_EMAIL}}" required maxlength="254"{{#E_nu_email}} aria-invalid="true" aria-describedby="nu-email-error"{{/E_nu_email}}>
<label for="nu-role">{{t_users_role}}</label>{{#E_nu_role}}<p class="field-error" id="nu-role-error">{{E_MSG}}</p>{{/E_nu_role}}<select id="nu-role" name="role"{{#E_nu_role}} aria-invalid="true" aria-describedby="nu-role-error"{{/E_nu_role}}>{{#ROLES}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/ROLES}}</select>
<label for="nu-ms">{{t_users_member_state}}</label>{{#E_nu_ms}}<p class="field-error" id="nu-ms-error">{{E_MSG}}</p>{{/E_nu_ms}}<input id="nu-ms" type="text" name="member_state" value="{{V_MS}}" maxlength="2" size="3" pattern="[A-Za-z]{2}"{{#E_nu_ms}} aria-invalid="true" aria-describedby="nu-ms-error"{{/E_nu_ms}}>
<label for="nu-pw">{{t_users_password}}</label>{{#E_nu_pw}}<p class="field-error" id="nu-pw-error">{{E_MSG}}</p>{{/E_nu_pw}}<input id="nu-pw" type="password" name="password" required minlength="12" autocomplete="new-password"{{#E_nu_pw}} aria-invalid="true" aria-describedby="nu-pw-error"{{/E_nu_pw}}>
<button type="submit">{{t_users_create}}</button>
</form>
