{{%AUTOESCAPE context="HTML"}}
<h1>{{t_login_title}}</h1>
{{#HAS_ERROR}}<p class="error" role="alert">{{ERROR}}</p>{{/HAS_ERROR}}
<form method="post" action="{{P}}/login" class="stack narrow">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="next" value="{{NEXT}}">
<label for="email">{{t_field_email}}</label>
<input id="email" name="email" type="email" autocomplete="username" required value="{{EMAIL}}">
<label for="password">{{t_field_password}}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">{{t_login}}</button>
</form>
<p><a href="{{P}}/signup">{{t_login_no_account}}</a></p>
