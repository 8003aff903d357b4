{{%AUTOESCAPE context="HTML"}}
<h1>{{HEADING}}</h1>
<p class="{{CLASS}}" role="status">{{MESSAGE_HTML:none}}</p>
{{#LOGIN}}<p><a href="{{P}}/login">{{t_login}}</a></p>{{/LOGIN}}
{{#FORGOT}}<p><a href="{{P}}/password/forgot">{{t_forgot_again}}</a></p>{{/FORGOT}}
<p><a href="{{P}}/">{{t_back_home}}</a></p>
